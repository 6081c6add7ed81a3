import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../tensor-memory';

// tfjs-layers' categoricalCrossentropy on probabilities, -sum(target * log(clip(p / sum(p)))),
// as one kernel, and its gradient with respect to the probabilities as another. Stock ran it
// as 8 kernels and their gradients as ~20 more (Select, LogicalAnd and the comparisons of the
// clip's gradient, RealDiv's with its Square and Sum, Casts), ~38 dispatches per step with
// the saved clones: a third of the 64 → 32 → 32 → 10 MLP's kernel calls. One JS pass per row.

export const CATEGORICAL_CROSSENTROPY = 'TensorlensCategoricalCrossentropy';
export const CATEGORICAL_CROSSENTROPY_GRAD = 'TensorlensCategoricalCrossentropyGrad';

interface Attrs { epsilon: number }

const f32 = Math.fround;

/** Rows and classes of an [..., classes] tensor. */
function rowsOf(t: tf.TensorInfo): [number, number] {
  const classes = t.shape[t.shape.length - 1];
  return [classes === 0 ? 0 : tf.util.sizeFromShape(t.shape) / classes, classes];
}

/** A row's sum, rounded to float32 as tfjs's Sum gives it: what the probabilities are divided by. */
function rowSum(p: ArrayLike<number>, base: number, classes: number): number {
  let sum = 0;
  for (let j = 0; j < classes; j++) sum += p[base + j];
  return f32(sum);
}

const forward: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { target, output } = inputs as Record<'target' | 'output', tf.TensorInfo>;
  const { epsilon } = attrs as unknown as Attrs;
  const [rows, classes] = rowsOf(output);
  const { info, values: loss } = allocate(backend, output.shape.slice(0, -1), 'float32');
  const [t, p] = [view(backend, target), view(backend, output)];
  const [lo, hi] = [f32(epsilon), f32(1 - epsilon)];
  for (let r = 0, base = 0; r < rows; r++, base += classes) {
    const s = rowSum(p, base, classes);
    let total = 0;
    for (let j = 0; j < classes; j++) {
      const q = Math.min(hi, Math.max(lo, f32(p[base + j] / s)));
      // A zero target adds 0 (the clip keeps the log finite) unless q is NaN: one-hot
      // targets need one log per row, and the logs were most of this kernel's time.
      if (t[base + j] !== 0 || q !== q) total += t[base + j] * f32(Math.log(q));
    }
    loss[r] = -total;
  }
  return info;
};

/**
 * d loss / d p from dy (one per row): through the clip (zero outside it, as tfjs's Select
 * gives) and the division by the row's sum, g_k / s - sum_j(g_j p_j) / s², g = -dy t / clip(q).
 */
const backward: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, target, output } = inputs as Record<'dy' | 'target' | 'output', tf.TensorInfo>;
  const { epsilon } = attrs as unknown as Attrs;
  const [rows, classes] = rowsOf(output);
  const { info, values: dp } = allocate(backend, output.shape, 'float32');
  const [d, t, p] = [view(backend, dy), view(backend, target), view(backend, output)];
  const [lo, hi] = [f32(epsilon), f32(1 - epsilon)];
  for (let r = 0, base = 0; r < rows; r++, base += classes) {
    const s = rowSum(p, base, classes);
    let dot = 0;
    for (let j = 0; j < classes; j++) {
      const q = f32(p[base + j] / s);
      const g = q >= lo && q <= hi ? f32(-d[r] * t[base + j]) / q : 0;
      dp[base + j] = g;
      dot += g * p[base + j];
    }
    const shared = dot / (s * s);
    for (let j = 0; j < classes; j++) dp[base + j] = dp[base + j] / s - shared;
  }
  return info;
};

export function categoricalCrossentropyConfig(backendName: string): tf.KernelConfig {
  return { kernelName: CATEGORICAL_CROSSENTROPY, backendName, kernelFunc: forward };
}

export function categoricalCrossentropyGradConfig(backendName: string): tf.KernelConfig {
  return { kernelName: CATEGORICAL_CROSSENTROPY_GRAD, backendName, kernelFunc: backward };
}

/** The forward kernel's gradient (registered once, for every backend that has the kernels). */
export const categoricalCrossentropyGradient: tf.GradConfig = {
  kernelName: CATEGORICAL_CROSSENTROPY,
  inputsToSave: ['target', 'output'],
  gradFunc: (dy, saved, attrs) => {
    const [target, output] = saved;
    const { epsilon } = attrs as unknown as Attrs;
    return {
      output: () => tf.engine().runKernel(CATEGORICAL_CROSSENTROPY_GRAD, { dy: dy as tf.Tensor, target, output }, attrs as tf.NamedAttrMap) as tf.Tensor,
      // Targets are data, so this is rarely asked for: tfjs ops suffice.
      target: () => tf.mul(tf.neg(tf.expandDims(dy as tf.Tensor, -1)), tf.log(tf.clipByValue(tf.div(output, tf.sum(output, -1, true)), epsilon, 1 - epsilon))),
    };
  },
};

/** tfjs-layers' categoricalCrossentropy(target, output) on probabilities, per row, through the fused kernels. */
export function categoricalCrossentropy(target: tf.Tensor, output: tf.Tensor, epsilon: number): tf.Tensor {
  return tf.engine().runKernel(CATEGORICAL_CROSSENTROPY, { target, output }, { epsilon } as unknown as tf.NamedAttrMap) as tf.Tensor;
}
