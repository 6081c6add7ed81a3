import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';
import { forEachPoolWindow } from './pool-window';

// tfjs-backend-cpu's AvgPoolGrad reads every element through TensorBuffer.get. This
// scatters each dy value over the in-image pixels of its window with stock's weight,
// 1 / (filterHeight * filterWidth) (padding counts in the divisor, as in stock),
// channels innermost so that writes follow NHWC memory order.

const avgPoolGrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as Record<'dy' | 'input', tf.TensorInfo>;
  const { filterSize, strides, pad } = attrs as unknown as tf.AvgPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad);
  const { inHeight, inWidth, inChannels: channels, filterHeight, filterWidth } = info;
  const weight = 1 / (filterHeight * filterWidth);

  const { info: dxInfo, values: dx } = allocate(backend, input.shape, 'float32');
  const dys = view(backend, dy);
  const sums = new Float64Array(dx.length);
  forEachPoolWindow(info, (dyOffset, b, [rowStart, rowEnd], [colStart, colEnd]) => {
    for (let xR = rowStart; xR < rowEnd; xR++) {
      for (let xC = colStart; xC < colEnd; xC++) {
        const base = ((b * inHeight + xR) * inWidth + xC) * channels;
        for (let d = 0; d < channels; d++) sums[base + d] += dys[dyOffset + d];
      }
    }
  });
  for (let i = 0; i < sums.length; i++) dx[i] = sums[i] * weight;
  return dxInfo;
};

export function avgPoolGradConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.AvgPoolGrad, backendName, kernelFunc: avgPoolGrad };
}
