import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { simdExports } from '../simd/simd-module';
import { wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';

// The filter gradient on tfjs-backend-wasm's heap by our WASM SIMD kernel
// (simd/conv-filter-grad.c), in place: no im2col, no transposes. For the IMDB
// Conv1D's first layer (x [128, 1, 500, 128], filter [1, 7, 128, 32]) the previous
// path, an XNNPACK convolution with the batch in the channel slot plus transposes,
// cost twice the forward convolution.

interface ConvFilterGrad {
  conv_filter_grad(x: number, dy: number, dw: number, ...shapeAndRange: number[]): void;
}

/** dW [fh, fw, C, O] of NHWC x and dy already on the heap. */
export function simdFilterGrad(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const dw = wasmAllocate(backend, [filterHeight, filterWidth, inChannels, outChannels], 'float32');
  const kernel = simdExports<ConvFilterGrad>('conv-filter-grad', wasmMemory(backend));
  kernel.conv_filter_grad(
    wasmOffset(backend, x), wasmOffset(backend, dy), wasmOffset(backend, dw),
    batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels,
    filterHeight, filterWidth, strideHeight, strideWidth, padInfo.top, padInfo.left,
    0, inChannels,
  );
  return dw;
}
