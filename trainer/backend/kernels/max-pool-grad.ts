import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';
import { forEachPoolWindow } from './pool-window';

// tfjs-backend-cpu's MaxPoolGrad reads every element through TensorBuffer.get
// (~1.5 s per IMDB Conv1D step at batch 128). This routes each dy value to the
// first maximum of its window (the same tie rule as stock: strict >, so NaN and
// all -Infinity windows pass nothing), scanning channels innermost so that reads
// follow NHWC memory order.

const maxPoolGrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as Record<'dy' | 'input', tf.TensorInfo>;
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode,
  );
  const { inHeight, inWidth, inChannels: channels } = info;

  const { info: dxInfo, values: dx } = allocate(backend, input.shape, 'float32');
  const xs = view(backend, input);
  const dys = view(backend, dy);
  dx.fill(0);
  const best = new Float64Array(channels);
  const bestAt = new Int32Array(channels);
  forEachPoolWindow(info, (dyOffset, b, [rowStart, rowEnd], [colStart, colEnd]) => {
    best.fill(-Infinity);
    bestAt.fill(-1);
    for (let xR = rowStart; xR < rowEnd; xR++) {
      for (let xC = colStart; xC < colEnd; xC++) {
        const base = ((b * inHeight + xR) * inWidth + xC) * channels;
        for (let d = 0; d < channels; d++) {
          if (xs[base + d] > best[d]) {
            best[d] = xs[base + d];
            bestAt[d] = base + d;
          }
        }
      }
    }
    for (let d = 0; d < channels; d++) {
      if (bestAt[d] >= 0) dx[bestAt[d]] += dys[dyOffset + d];
    }
  });
  return dxInfo;
};

export function maxPoolGradConfig(backendName: string): tf.KernelConfig {
  return { kernelName: tf.MaxPoolGrad, backendName, kernelFunc: maxPoolGrad };
}
