import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runParts, splitRanges } from '../simd/simd-threads';
import { wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';
import { startedWasmThreads } from '../wasm-threads';

// Relu's gradient as one kernel of our own (simd/relu-grad.c) where it is registered
// (wasm): tfjs's gradient, mul(dy, cast(step(x))), is two full-size passes with a
// tensor between them (Step + Multiply: ~30 ms of a loaded 650 ms SeparableConv2D
// step). Gradients are registered per kernel name for every backend at once, so
// Relu's is replaced while any backend has ours, and falls back to tfjs's own
// wherever the active backend lacks the kernel.

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

let stockGradient: tf.GradConfig | undefined;
const backends = new Set<string>();

/** Routes Relu's gradient to our kernel while `backendName` is active. Idempotent. */
export function installReluGradient(backendName: string): void {
  backends.add(backendName);
  if (stockGradient) return;
  const stock = tf.getGradient(tf.Relu);
  if (!stock) return;
  stockGradient = stock;
  tf.registerGradient({
    ...stock,
    gradFunc: (dy, saved, attrs) => {
      if (!backends.has(tf.getBackend()) || (dy as tf.Tensor).dtype !== 'float32' || saved[0].dtype !== 'float32') {
        return stock.gradFunc(dy, saved, attrs);
      }
      return { x: () => tf.engine().runKernel(RELU_GRAD, { dy: dy as tf.Tensor, x: saved[0] }) as tf.Tensor };
    },
  });
}

/** Stops routing for `backendName`; with no backend left, tfjs's own gradient is put back. */
export function removeReluGradient(backendName: string): void {
  backends.delete(backendName);
  if (!stockGradient || backends.size > 0) return;
  tf.registerGradient(stockGradient);
  stockGradient = undefined;
}
