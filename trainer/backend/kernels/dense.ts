import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { RELU_GRAD } from './relu-grad';
import { runParts, splitRanges } from '../simd/simd-threads';
import { wasmAllocate, wasmMemory, wasmOffset } from '../wasm-heap';
import { startedWasmThreads } from '../wasm-threads';

// A Dense layer's training step as kernels of our own: the forward one, one for the weights'
// gradients, one for the input's (only where asked for). While a gradient is recorded,
// tfjs-core runs a Dense with relu as MatMul, Add and Relu, and its gradient as ~8 more
// kernels (the bias's Sum and Reshapes, two products, Relu's gradient); each dispatch costs
// more than its arithmetic on a small layer: the 64 → 32 → 32 → 10 MLP's Dense layers took
// ~45 of its 113 kernel calls per step. The products run in our SIMD kernel (simd/dense.c),
// not XNNPACK's, which builds an operator for each new right-hand buffer (~16 µs), and
// in training every product has one; the rest are the backend's kernels, called directly.

export const DENSE = 'TensorlensDense';
export const DENSE_GRAD = 'TensorlensDenseGrad';
export const DENSE_GRAD_INPUT = 'TensorlensDenseGradInput';

/** The activations the forward kernel fuses; a layer's other ones run after it as tfjs ops. */
export type DenseActivation = 'linear' | 'relu';

interface Attrs { activation: DenseActivation; hasBias: boolean }

function kernel(name: string, backendName: string): tf.KernelFunc {
  const config = tf.getKernel(name, backendName);
  if (!config) throw new Error(`${DENSE}: backend '${backendName}' has no ${name} kernel`);
  return config.kernelFunc;
}

/**
 * out = a · b (+ bias) (relu), out [rows, N] and b [K, N] row-major; a is read at
 * a[r * aRowStride + k * aInnerStride], so x and xᵀ both serve. Rows are split between threads.
 */
function gemm(backend: BackendWasm, a: tf.TensorInfo, aStrides: [number, number], b: tf.TensorInfo, bias: tf.TensorInfo | undefined,
  out: tf.TensorInfo, relu: boolean): void {
  const [rows, n] = out.shape;
  const k = b.shape[0];
  const head = [wasmOffset(backend, a), ...aStrides, wasmOffset(backend, b), bias ? wasmOffset(backend, bias) : 0, wasmOffset(backend, out), k, n, relu ? 1 : 0];
  const threads = startedWasmThreads();
  const parts = splitRanges(rows, threads, rows * k * n, 4).map((range) => [...head, ...range]);
  runParts('dense', 'gemm', wasmMemory(backend), threads, parts);
}

/** y = activation(x · kernel + bias), x [batch, inputs]. */
function forward(): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { x, kernel: w, bias } = inputs as Record<'x' | 'kernel' | 'bias', tf.TensorInfo>;
    const { activation } = attrs as unknown as Attrs;
    const y = wasmAllocate(wasm, [x.shape[0], w.shape[1]], 'float32');
    gemm(wasm, x, [x.shape[1], 1], w, bias, y, activation === 'relu');
    return y;
  };
}

/** dkernel and (with a bias) dbias from dz, the gradient at the product, and the saved x. */
function weightGradients(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { dz, x } = inputs as Record<'dz' | 'x', tf.TensorInfo>;
    const { hasBias } = attrs as unknown as Attrs;
    const dw = wasmAllocate(wasm, [x.shape[1], dz.shape[1]], 'float32');
    // dw = xᵀ · dz: xᵀ's row r is x's column r.
    gemm(wasm, x, [1, x.shape[1]], dz, undefined, dw, false);
    if (!hasBias) return [dw];
    return [dw, kernel(tf.Sum, backendName)({ inputs: { x: dz }, backend, attrs: { axis: [0], keepDims: false } }) as tf.TensorInfo];
  };
}

/** dx = dz · kernelᵀ from dz and the saved kernel. */
function inputGradient(backendName: string): tf.KernelFunc {
  return ({ inputs, backend }) => {
    const wasm = backend as BackendWasm;
    const { dz, kernel: w } = inputs as Record<'dz' | 'kernel', tf.TensorInfo>;
    const wT = kernel(tf.Transpose, backendName)({ inputs: { x: w }, backend, attrs: { perm: [1, 0] } }) as tf.TensorInfo;
    try {
      const dx = wasmAllocate(wasm, [dz.shape[0], w.shape[0]], 'float32');
      gemm(wasm, dz, [dz.shape[1], 1], wT, undefined, dx, false);
      return dx;
    } finally {
      wasm.disposeData(wT.dataId);
    }
  };
}

export function denseConfig(backendName: string): tf.KernelConfig {
  return { kernelName: DENSE, backendName, kernelFunc: forward() };
}

export function denseGradConfig(backendName: string): tf.KernelConfig {
  return { kernelName: DENSE_GRAD, backendName, kernelFunc: weightGradients(backendName) };
}

export function denseGradInputConfig(backendName: string): tf.KernelConfig {
  return { kernelName: DENSE_GRAD_INPUT, backendName, kernelFunc: inputGradient(backendName) };
}

/** The forward kernel's gradient (registered once, for every backend that has the kernels). */
export const denseGradient: tf.GradConfig = {
  kernelName: DENSE,
  inputsToSave: ['x', 'kernel'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, w, y] = saved;
    const { activation } = attrs as unknown as Attrs;
    // The gradient at the product, once for both kernels: dy where relu passed it (relu(z) > 0 exactly where z > 0).
    const dz = activation === 'relu' ? (tf.engine().runKernel(RELU_GRAD, { dy: dy as tf.Tensor, x: y }) as tf.Tensor) : (dy as tf.Tensor);
    // The weights' gradients in one kernel, run here rather than in each one's function. The
    // input's runs only if asked for: a first layer's input is data, and its gradient was a
    // product as large as the layer's forward one.
    const [dw, db] = tf.engine().runKernel(DENSE_GRAD, { dz, x }, attrs as tf.NamedAttrMap) as tf.Tensor[];
    const grads: Record<string, () => tf.Tensor> = {
      x: () => tf.engine().runKernel(DENSE_GRAD_INPUT, { dz, kernel: w }) as tf.Tensor,
      kernel: () => dw,
    };
    if (db) grads.bias = () => db;
    return grads;
  },
};

/** activation(x · kernel + bias) for a rank-2 float32 x, through the fused kernels. */
export function dense(x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor | undefined, activation: DenseActivation): tf.Tensor {
  const inputs: tf.NamedTensorMap = bias ? { x, kernel: w, bias } : { x, kernel: w };
  return tf.engine().runKernel(DENSE, inputs, { activation, hasBias: bias != null } as unknown as tf.NamedAttrMap) as tf.Tensor;
}
