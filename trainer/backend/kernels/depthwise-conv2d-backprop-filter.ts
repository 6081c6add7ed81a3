import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';
import { forEachDepthwiseTap } from './depthwise-window';

// tfjs-backend-wasm has no DepthwiseConv2dNativeBackpropFilter, so SeparableConv2D
// and DepthwiseConv2D could not train on it. The filter gradient
//   dW[a, b, d1, q] = sum over n, i, j of x[n, i*sh + a*dh, j*sw + b*dw, d1] * dy[n, i, j, d1*m + q]
// is summed over the taps of forEachDepthwiseTap, channels innermost, in float64.

const depthwiseConv2dBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, dilations, pad, dimRoundingMode, true,
  );
  const { inChannels, outChannels } = info;
  const multiplier = outChannels / inChannels;

  const { info: dwInfo, values: dw } = allocate(backend, filterShape, 'float32');
  const xs = view(backend, x);
  const dys = view(backend, dy);
  const sums = new Float64Array(dw.length);
  forEachDepthwiseTap(info, (xBase, wBase, dyOffset) => {
    for (let d1 = 0, d2 = 0; d1 < inChannels; d1++) {
      const xv = xs[xBase + d1];
      for (let q = 0; q < multiplier; q++, d2++) sums[wBase + d2] += xv * dys[dyOffset + d2];
    }
  });
  dw.set(sums);
  return dwInfo;
};

export function depthwiseConv2dBackpropFilterConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.DepthwiseConv2dNativeBackpropFilter, backendName, kernelFunc: depthwiseConv2dBackpropFilter };
}
