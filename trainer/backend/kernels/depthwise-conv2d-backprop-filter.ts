import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';

// tfjs-backend-wasm has no DepthwiseConv2dNativeBackpropFilter, so SeparableConv2D
// and DepthwiseConv2D could not train on it. The filter gradient
//   dW[a, b, d1, q] = sum over n, i, j of x[n, i*sh + a*dh, j*sw + b*dw, d1] * dy[n, i, j, d1*m + q]
// walks dy once in memory order, channels innermost; sums are kept in float64.

const depthwiseConv2dBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as Record<'x' | 'dy', tf.TensorInfo>;
  const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, dilations, pad, dimRoundingMode, true,
  );
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, filterHeight, filterWidth, padInfo } = info;
  const multiplier = outChannels / inChannels;

  const { info: dwInfo, values: dw } = allocate(backend, filterShape, 'float32');
  const xs = view(backend, x);
  const dys = view(backend, dy);
  const sums = new Float64Array(dw.length);
  let dyOffset = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      for (let yC = 0; yC < outWidth; yC++, dyOffset += outChannels) {
        for (let wR = 0; wR < filterHeight; wR++) {
          const xR = yR * strideHeight - padInfo.top + wR * dilationHeight;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; wC++) {
            const xC = yC * strideWidth - padInfo.left + wC * dilationWidth;
            if (xC < 0 || xC >= inWidth) continue;
            const xBase = ((b * inHeight + xR) * inWidth + xC) * inChannels;
            const wBase = (wR * filterWidth + wC) * outChannels;
            for (let d2 = 0; d2 < outChannels; d2++) {
              sums[wBase + d2] += xs[xBase + Math.floor(d2 / multiplier)] * dys[dyOffset + d2];
            }
          }
        }
      }
    }
  }
  dw.set(sums);
  return dwInfo;
};

export function depthwiseConv2dBackpropFilterConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.DepthwiseConv2dNativeBackpropFilter, backendName, kernelFunc: depthwiseConv2dBackpropFilter };
}
