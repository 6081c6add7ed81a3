import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';
import { overrideGradient, restoreGradient } from './gradient-override';

// Softmax's gradient over the last axis, dx = dy·y - sum(dy·y)·y per row, as one kernel of
// our own where it is registered (wasm): tfjs's runs Multiply, Sum, Multiply and Sub with
// a Reshape, each a dispatch that costs more than its arithmetic on a classifier's
// [batch, classes] output. Every product is rounded to float32 as the stock kernels round
// it.

export const SOFTMAX_GRAD = 'TensorlensSoftmaxGrad';

const f32 = Math.fround;

const softmaxGrad: tf.KernelFunc = ({ inputs, backend }) => {
  const { dy, y } = inputs as Record<'dy' | 'y', tf.TensorInfo>;
  const classes = y.shape[y.shape.length - 1];
  const { info, values: dx } = allocate(backend, y.shape, 'float32');
  const [d, p] = [view(backend, dy), view(backend, y)];
  for (let base = 0; base < dx.length; base += classes) {
    let sum = 0;
    for (let j = base; j < base + classes; j++) {
      const dyy = f32(d[j] * p[j]);
      dx[j] = dyy;
      sum += dyy;
    }
    const s = f32(sum);
    for (let j = base; j < base + classes; j++) dx[j] = dx[j] - f32(s * p[j]);
  }
  return info;
};

export function softmaxGradConfig(backendName: string): tf.KernelConfig {
  return { kernelName: SOFTMAX_GRAD, backendName, kernelFunc: softmaxGrad };
}

/** Routes Softmax's gradient over the last axis to our kernel while `backendName` is active. Idempotent. */
export function installSoftmaxGradient(backendName: string): void {
  overrideGradient(tf.Softmax, backendName, (dy, saved, attrs) => {
    const [y] = saved;
    const { dim } = attrs as unknown as { dim: number };
    const lastAxis = dim === -1 || dim === y.rank - 1;
    if (!lastAxis || (dy as tf.Tensor).dtype !== 'float32' || y.dtype !== 'float32') return null;
    return { logits: () => tf.engine().runKernel(SOFTMAX_GRAD, { dy: dy as tf.Tensor, y }) as tf.Tensor };
  });
}

export function removeSoftmaxGradient(backendName: string): void {
  restoreGradient(tf.Softmax, backendName);
}
