import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runParts, splitRanges } from '../simd/simd-threads';
import { wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';
import { startedWasmThreads } from '../wasm-threads';
import { overrideGradient, restoreGradient } from './gradient-override';

// Relu's gradient as one kernel of our own (simd/relu-grad.c) where it is registered
// (wasm): tfjs's gradient, mul(dy, cast(step(x))), is two full-size passes with a
// tensor between them (Step + Multiply: ~30 ms of a loaded 650 ms SeparableConv2D
// step).

export const RELU_GRAD = 'TensorlensReluGrad';

const reluGrad: tf.KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const { dy, x } = inputs as Record<'dy' | 'x', tf.TensorInfo>;
  const dx = wasmAllocate(wasm, x.shape, 'float32');
  const size = tf.util.sizeFromShape(x.shape);
  const head = [wasmOffset(wasm, dy), wasmOffset(wasm, x), wasmOffset(wasm, dx)];
  const threads = startedWasmThreads();
  const parts = splitRanges(size, threads, size, 4).map((range) => [...head, ...range]);
  runParts('relu-grad', 'relu_grad', wasmMemory(wasm), threads, parts);
  return dx;
};

export function reluGradConfig(backendName: string): tf.KernelConfig {
  return { kernelName: RELU_GRAD, backendName, kernelFunc: reluGrad };
}

/** Routes Relu's gradient to our kernel while `backendName` is active. Idempotent. */
export function installReluGradient(backendName: string): void {
  overrideGradient(tf.Relu, backendName, (dy, saved) => {
    if ((dy as tf.Tensor).dtype !== 'float32' || saved[0].dtype !== 'float32') return null;
    return { x: () => tf.engine().runKernel(RELU_GRAD, { dy: dy as tf.Tensor, x: saved[0] }) as tf.Tensor };
  });
}

export function removeReluGradient(backendName: string): void {
  restoreGradient(tf.Relu, backendName);
}
