import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runParts, splitRanges } from '../simd/simd-threads';
import { wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';
import { startedWasmThreads } from '../wasm-threads';

// The filter gradient on tfjs-backend-wasm's heap by our WASM SIMD kernel
// (simd/conv-filter-grad.c), in place: no im2col, no transposes. For the IMDB
// Conv1D's first layer (x [128, 1, 500, 128], filter [1, 7, 128, 32]) the previous
// path, an XNNPACK convolution with the batch in the channel slot plus transposes,
// cost twice the forward convolution. The input channels are split between the
// backend's threads: each part writes its own rows of dW.

/** The kernel's tiles are 4 input channels wide; parts start on a tile. */
const TILE = 4;

/** dW [fh, fw, C, O] of NHWC x and dy already on the heap. */
export function simdFilterGrad(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const dw = wasmAllocate(backend, [filterHeight, filterWidth, inChannels, outChannels], 'float32');
  const args = [
    wasmOffset(backend, x), wasmOffset(backend, dy), wasmOffset(backend, dw),
    batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels,
    filterHeight, filterWidth, strideHeight, strideWidth, padInfo.top, padInfo.left,
  ];
  const threads = startedWasmThreads();
  const macs = batchSize * outHeight * outWidth * filterHeight * filterWidth * inChannels * outChannels;
  const parts = splitRanges(inChannels, threads, macs, TILE).map((range) => [...args, ...range]);
  runParts('conv-filter-grad', 'conv_filter_grad', wasmMemory(backend), threads, parts);
  return dw;
}
