import * as tf from '@tensorflow/tfjs';
import { simdExports } from '../simd/simd-module';
import { allocate, view } from '../tensor-memory';
import { isWasmBackend, wasmMemory } from '../wasm-heap';
import { forEachPoolWindow } from './pool-window';

// tfjs-backend-cpu's MaxPoolGrad reads every element through TensorBuffer.get
// (~1.5 s per IMDB Conv1D step at batch 128). This routes each dy value to the
// first maximum of its window (the same tie rule as stock: strict >, so NaN and
// all -Infinity windows pass nothing), scanning channels innermost so that reads
// follow NHWC memory order. On wasm our SIMD kernel (simd/max-pool-grad.c) does the
// same over the heap, four channels at a time.

interface MaxPoolGrad { max_pool_grad(x: number, dy: number, dx: number, ...shape: number[]): void }

function wasmMaxPoolGrad(memory: WebAssembly.Memory, xs: Float32Array, dys: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  simdExports<MaxPoolGrad>('max-pool-grad', memory).max_pool_grad(
    xs.byteOffset, dys.byteOffset, dx.byteOffset, batchSize, inHeight, inWidth, inChannels,
    outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, padInfo.top, padInfo.left,
  );
}

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
  if (isWasmBackend(backend) && xs instanceof Float32Array && dys instanceof Float32Array && dx instanceof Float32Array) {
    wasmMaxPoolGrad(wasmMemory(backend), xs, dys, dx, info);
    return dxInfo;
  }
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
