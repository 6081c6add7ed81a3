import * as tf from '@tensorflow/tfjs';
import { simdExports } from '../simd/simd-module';
import { allocate, view } from '../tensor-memory';
import { isWasmBackend, wasmMemory } from '../wasm-heap';
import { forEachPoolWindow } from './pool-window';

// tfjs-backend-cpu's AvgPoolGrad reads every element through TensorBuffer.get. This
// scatters each dy value over the in-image pixels of its window with stock's weight,
// 1 / (filterHeight * filterWidth) (padding counts in the divisor, as in stock),
// channels innermost so that writes follow NHWC memory order. On wasm the same scatter
// runs in our SIMD kernel (simd/avg-pool-grad.c): stock's C++ loop goes one float at a time,
// 5.2 ms for the Inception module's 3x3 pool of [128, 16, 16, 8] (1 thread, load 4).

interface AvgPoolGradSimd {
  avg_pool_grad(dy: number, dx: number, batch: number, inH: number, inW: number, channels: number, outH: number, outW: number,
    filterH: number, filterW: number, strideH: number, strideW: number, padTop: number, padLeft: number): void;
}

const avgPoolGrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as Record<'dy' | 'input', tf.TensorInfo>;
  const { filterSize, strides, pad } = attrs as unknown as tf.AvgPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad);
  const { inHeight, inWidth, inChannels: channels, filterHeight, filterWidth } = info;
  const weight = 1 / (filterHeight * filterWidth);

  const { info: dxInfo, values: dx } = allocate(backend, input.shape, 'float32');
  const dys = view(backend, dy);
  if (isWasmBackend(backend)) {
    const { batchSize, outHeight, outWidth, strideHeight, strideWidth, padInfo } = info;
    simdExports<AvgPoolGradSimd>('avg-pool-grad', wasmMemory(backend)).avg_pool_grad(
      dys.byteOffset, dx.byteOffset, batchSize, inHeight, inWidth, channels, outHeight, outWidth,
      filterHeight, filterWidth, strideHeight, strideWidth, padInfo.top, padInfo.left,
    );
    return dxInfo;
  }
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
