import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runParts, splitRanges } from '../simd/simd-threads';
import { wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';
import { startedWasmThreads } from '../wasm-threads';

// The depthwise filter gradient on tfjs-backend-wasm's heap by our WASM SIMD kernel
// (simd/depthwise-filter-grad.c), in place. The JS walk it replaces summed in float64
// element by element: 1.2 s of a 4 s SeparableConv2D step (x up to [32, 62, 62, 32]).
// dW's channels are split between the backend's threads, each part writing its own.

/** Parts start on a whole v128 of channels. */
const LANES = 4;

/** dW [fh, fw, C, m] of NHWC x and dy already on the heap. */
export function simdDepthwiseFilterGrad(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, padInfo } = info;
  const multiplier = outChannels / inChannels;
  const dw = wasmAllocate(backend, [filterHeight, filterWidth, inChannels, multiplier], 'float32');
  const args = [
    wasmOffset(backend, x), wasmOffset(backend, dy), wasmOffset(backend, dw),
    batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, multiplier,
    filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth, padInfo.top, padInfo.left,
  ];
  const threads = startedWasmThreads();
  const macs = batchSize * outHeight * outWidth * filterHeight * filterWidth * outChannels;
  const parts = splitRanges(outChannels, threads, macs, LANES).map((range) => [...args, ...range]);
  runParts('depthwise-filter-grad', 'depthwise_filter_grad', wasmMemory(backend), threads, parts);
  return dw;
}
