import * as tf from '@tensorflow/tfjs';
import { RELU_GRAD } from './relu-grad';

// A Dense layer's training step as two kernels of our own, each composed of the backend's
// own kernels called directly (no engine dispatch, tape node or saved clone between them).
// While a gradient is recorded, tfjs-core runs a Dense with relu as MatMul, Add and Relu,
// and its gradient as ~8 more kernels (the bias's Sum and Reshapes, two products, Relu's
// gradient); each dispatch costs more than its arithmetic on a small layer: the
// 64 → 32 → 32 → 10 MLP's Dense layers took ~45 of its 113 kernel calls per step.

export const DENSE = 'TensorlensDense';
export const DENSE_GRAD = 'TensorlensDenseGrad';

/** The activations the forward kernel fuses; a layer's other ones run after it as tfjs ops. */
export type DenseActivation = 'linear' | 'relu';

interface Attrs { activation: DenseActivation; hasBias: boolean }

type Backend = { disposeData(dataId: tf.DataId): void };

/** The same buffer as a [1, rows, cols] matrix: the wasm products take rank 3. */
const batched = (t: tf.TensorInfo): tf.TensorInfo => ({ dataId: t.dataId, dtype: t.dtype, shape: [1, ...t.shape] });
const unbatched = (t: tf.TensorInfo): tf.TensorInfo => ({ dataId: t.dataId, dtype: t.dtype, shape: t.shape.slice(1) });

function kernel(name: string, backendName: string): tf.KernelFunc {
  const config = tf.getKernel(name, backendName);
  if (!config) throw new Error(`${DENSE}: backend '${backendName}' has no ${name} kernel`);
  return config.kernelFunc;
}

/** y = activation(x · kernel + bias), x [batch, inputs]. */
function forward(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { x, kernel: w, bias } = inputs as Record<'x' | 'kernel' | 'bias', tf.TensorInfo>;
    const { activation } = attrs as unknown as Attrs;
    const y = kernel(tf._FusedMatMul, backendName)({
      inputs: { a: batched(x), b: batched(w), bias },
      backend,
      attrs: { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0 },
    }) as tf.TensorInfo;
    return unbatched(y);
  };
}

/** dx, dkernel and (with a bias) dbias from dy and the saved x, kernel and y. */
function backward(backendName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { dy, x, kernel: w, y } = inputs as Record<'dy' | 'x' | 'kernel' | 'y', tf.TensorInfo>;
    const { activation, hasBias } = attrs as unknown as Attrs;
    const matMul = kernel(tf.BatchMatMul, backendName);
    // relu(z) > 0 exactly where z > 0, so the output masks the gradient as the input would.
    const dz = activation === 'relu' ? kernel(RELU_GRAD, backendName)({ inputs: { dy, x: y }, backend, attrs: {} }) as tf.TensorInfo : dy;
    try {
      const product = (a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean) =>
        unbatched(matMul({ inputs: { a: batched(a), b: batched(b) }, backend, attrs: { transposeA, transposeB } }) as tf.TensorInfo);
      const dx = product(dz, w, false, true);
      const dw = product(x, dz, true, false);
      if (!hasBias) return [dx, dw];
      const db = kernel(tf.Sum, backendName)({ inputs: { x: dz }, backend, attrs: { axis: [0], keepDims: false } }) as tf.TensorInfo;
      return [dx, dw, db];
    } finally {
      if (dz !== dy) (backend as Backend).disposeData(dz.dataId);
    }
  };
}

export function denseConfig(backendName: string): tf.KernelConfig {
  return { kernelName: DENSE, backendName, kernelFunc: forward(backendName) };
}

export function denseGradConfig(backendName: string): tf.KernelConfig {
  return { kernelName: DENSE_GRAD, backendName, kernelFunc: backward(backendName) };
}

/** The forward kernel's gradient (registered once, for every backend that has the kernels). */
export const denseGradient: tf.GradConfig = {
  kernelName: DENSE,
  inputsToSave: ['x', 'kernel'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, w, y] = saved;
    // One kernel for all the gradients, run here rather than in each input's function.
    const [dx, dw, db] = tf.engine().runKernel(DENSE_GRAD, { dy: dy as tf.Tensor, x, kernel: w, y }, attrs as tf.NamedAttrMap) as tf.Tensor[];
    const grads: Record<string, () => tf.Tensor> = { x: () => dx, kernel: () => dw };
    if (db) grads.bias = () => db;
    return grads;
  },
};

/** activation(x · kernel + bias) for a rank-2 float32 x, through the fused kernels. */
export function dense(x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor | undefined, activation: DenseActivation): tf.Tensor {
  const inputs: tf.NamedTensorMap = bias ? { x, kernel: w, bias } : { x, kernel: w };
  return tf.engine().runKernel(DENSE, inputs, { activation, hasBias: bias != null } as unknown as tf.NamedAttrMap) as tf.Tensor;
}
