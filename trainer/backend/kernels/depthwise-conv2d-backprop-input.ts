import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';
import { forEachDepthwiseTap } from './depthwise-window';

// tfjs-backend-wasm has no DepthwiseConv2dNativeBackpropInput, so SeparableConv2D
// and DepthwiseConv2D could not train on it. Each dy value is scattered back to the
// input pixels its window read, channels innermost so reads follow NHWC memory
// order; output channel d2 = d1 * channelMultiplier + q reads input channel d1.
// Sums are kept in float64, as stock cpu does, and written out once.

const depthwiseConv2dBackpropInput: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as Record<'dy' | 'filter', tf.TensorInfo>;
  const { strides, dilations, pad, dimRoundingMode, inputShape } = attrs as unknown as tf.DepthwiseConv2dNativeBackpropInputAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape, filter.shape as [number, number, number, number], strides, dilations, pad, dimRoundingMode, true,
  );
  const { inChannels, outChannels } = info;
  const multiplier = outChannels / inChannels;

  const { info: dxInfo, values: dx } = allocate(backend, inputShape, 'float32');
  const dys = view(backend, dy);
  const w = view(backend, filter);
  const sums = new Float64Array(dx.length);
  forEachDepthwiseTap(info, (xBase, wBase, dyOffset) => {
    for (let d1 = 0, d2 = 0; d1 < inChannels; d1++) {
      for (let q = 0; q < multiplier; q++, d2++) sums[xBase + d1] += dys[dyOffset + d2] * w[wBase + d2];
    }
  });
  dx.set(sums);
  return dxInfo;
};

export function depthwiseConv2dBackpropInputConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.DepthwiseConv2dNativeBackpropInput, backendName, kernelFunc: depthwiseConv2dBackpropInput };
}
