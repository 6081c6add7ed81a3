import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runParts, splitRanges } from '../simd/simd-threads';
import { wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';
import { startedWasmThreads } from '../wasm-threads';

// BatchNormalization in training mode as two kernels of our own (simd/batch-norm.c) on
// tfjs-backend-wasm's heap: the forward gives y and the batch's mean and (biased)
// variance, which the layer's moving averages take; the gradient gives dx, dgamma and
// dbeta in two passes. tfjs-layers' moments + batchNorm and their gradients ran as some
// 20 full-size kernels per layer (Multiply alone 0.6 s of a 5 s SeparableConv2D step).
// The channels are split between the backend's threads. Nothing differentiates through
// the mean and variance outputs: the layer only feeds them to its moving averages.

export const BATCH_NORM_TRAINING = 'TensorlensBatchNormTraining';
export const BATCH_NORM_TRAINING_GRAD = 'TensorlensBatchNormTrainingGrad';

interface Attrs { epsilon: number }

/** Parts start on a whole v128 of channels. */
const LANES = 4;

/** epsilon as the int32 with its float32 bits: kernel arguments pass to threads as int32. */
function floatBits(value: number): number {
  return new Int32Array(new Float32Array([value]).buffer)[0];
}

/** Runs `fn` over [rows, C] with its channels split between threads; `args` come before (rows, C, eps, range). */
function run(backend: BackendWasm, fn: string, x: tf.TensorInfo, args: tf.TensorInfo[], epsilon: number): void {
  const channels = x.shape[x.shape.length - 1];
  const rows = tf.util.sizeFromShape(x.shape) / channels;
  const head = [...args.map((t) => wasmOffset(backend, t)), rows, channels, floatBits(epsilon)];
  const threads = startedWasmThreads();
  const parts = splitRanges(channels, threads, 4 * rows * channels, LANES).map((range) => [...head, ...range]);
  runParts('batch-norm', fn, wasmMemory(backend), threads, parts);
}

/** Scratch floats on the heap for the kernel's per-channel factors and tile sums, freed after the call. */
function withScratch(backend: BackendWasm, size: number, body: (scratch: tf.TensorInfo) => void): void {
  const scratch = wasmAllocate(backend, [size], 'float32');
  try {
    body(scratch);
  } finally {
    backend.disposeData(scratch.dataId);
  }
}

const forward: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, gamma, beta } = inputs as Record<'x' | 'gamma' | 'beta', tf.TensorInfo>;
  const { epsilon } = attrs as unknown as Attrs;
  const channels = x.shape[x.shape.length - 1];
  const y = wasmAllocate(wasm, x.shape, 'float32');
  const mean = wasmAllocate(wasm, [channels], 'float32');
  const variance = wasmAllocate(wasm, [channels], 'float32');
  withScratch(wasm, 2 * channels, (scratch) => run(wasm, 'batch_norm_forward', x, [x, gamma, beta, y, mean, variance, scratch], epsilon));
  return [y, mean, variance];
};

const backward: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { dy, x, gamma, mean, variance } = inputs as Record<'dy' | 'x' | 'gamma' | 'mean' | 'variance', tf.TensorInfo>;
  const { epsilon } = attrs as unknown as Attrs;
  const dx = wasmAllocate(wasm, x.shape, 'float32');
  const dgamma = wasmAllocate(wasm, gamma.shape, 'float32');
  const dbeta = wasmAllocate(wasm, gamma.shape, 'float32');
  withScratch(wasm, 5 * gamma.shape[0], (scratch) => {
    run(wasm, 'batch_norm_backward', x, [dy, x, gamma, mean, variance, dx, dgamma, dbeta, scratch], epsilon);
  });
  return [dx, dgamma, dbeta];
};

export function batchNormTrainingConfig(backendName: string): tf.KernelConfig {
  return { kernelName: BATCH_NORM_TRAINING, backendName, kernelFunc: forward };
}

export function batchNormTrainingGradConfig(backendName: string): tf.KernelConfig {
  return { kernelName: BATCH_NORM_TRAINING_GRAD, backendName, kernelFunc: backward };
}

/** The forward kernel's gradient (registered once, for every backend that has the kernels). */
export const batchNormTrainingGradient: tf.GradConfig = {
  kernelName: BATCH_NORM_TRAINING,
  inputsToSave: ['x', 'gamma'],
  outputsToSave: [false, true, true],
  gradFunc: (dys, saved, attrs) => {
    const [dy] = dys as tf.Tensor[];
    const [x, gamma, mean, variance] = saved;
    // One kernel for all three gradients, run here rather than in each input's function.
    const [dx, dgamma, dbeta] = tf.engine().runKernel(BATCH_NORM_TRAINING_GRAD, { dy, x, gamma, mean, variance }, attrs as tf.NamedAttrMap) as tf.Tensor[];
    return { x: () => dx, gamma: () => dgamma, beta: () => dbeta };
  },
};

/** y, and the batch's mean and biased variance per channel (the last axis), of x in training mode. */
export function batchNormTraining(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon: number): [tf.Tensor, tf.Tensor, tf.Tensor] {
  return tf.engine().runKernel(BATCH_NORM_TRAINING, { x, gamma, beta }, { epsilon } as unknown as tf.NamedAttrMap) as [tf.Tensor, tf.Tensor, tf.Tensor];
}
