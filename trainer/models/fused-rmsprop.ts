import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../backend/tensor-memory';

// tf.train.rmsprop updates each variable with ~11 element-wise kernels. A small
// model's variables are tiny, so on wasm each kernel costs mostly its launch and a
// trip through the XNNPACK thread pool: the 64 → 32 → 32 → 10 MLP spent ~40% of a
// step there. Here one JS pass per variable reads the gradient and the two slots
// and writes new buffers, with every intermediate rounded to float32 as the stock
// kernels round it, so the weights come out the same. New buffers (not in-place
// writes) keep the stock semantics for any tensor still sharing the old ones.

/** The backends whose buffers `view` and `allocate` reach without a copy. */
const FUSABLE_BACKENDS = new Set(['wasm', 'cpu']);

interface Slot { originalName: string; variable: tf.Variable }

/** RMSPropOptimizer's state; private in its typings, but the fused pass must keep it in step. */
interface RmsPropState {
  centered: boolean;
  accumulatedMeanSquares: Slot[];
  accumulatedMoments: Slot[];
}

const f32 = Math.fround;

function slot(value: tf.Variable, suffix: string): Slot {
  return { originalName: `${value.name}/${suffix}`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
}

export class FusedRMSPropOptimizer extends tf.RMSPropOptimizer {
  override applyGradients(variableGradients: Parameters<tf.RMSPropOptimizer['applyGradients']>[0]): void {
    const state = this as unknown as RmsPropState;
    if (state.centered || !FUSABLE_BACKENDS.has(tf.getBackend())) {
      super.applyGradients(variableGradients);
      return;
    }
    const named = Array.isArray(variableGradients)
      ? variableGradients
      : Object.keys(variableGradients).map((name) => ({ name, tensor: variableGradients[name] }));
    named.forEach(({ name, tensor: gradient }, i) => {
      const value = tf.engine().registeredVariables[name];
      state.accumulatedMeanSquares[i] ??= slot(value, 'rms');
      state.accumulatedMoments[i] ??= slot(value, 'momentum');
      if (gradient == null) return;
      this.update(value, state.accumulatedMeanSquares[i].variable, state.accumulatedMoments[i].variable, gradient);
    });
    this.incrementIterations();
  }

  private update(value: tf.Variable, meanSquare: tf.Variable, moment: tf.Variable, gradient: tf.Tensor): void {
    const backend = tf.backend();
    // Allocate all outputs before taking views: a wasm allocation can detach earlier views.
    const outs = [value, meanSquare, moment].map((v) => allocate(backend, v.shape, 'float32').info);
    const [newValue, newMeanSquare, newMoment] = outs.map((info) => view(backend, info));
    const [w, ms, mom, g] = [value, meanSquare, moment, gradient].map((t) => view(backend, t));
    const [decay, keep, momentum, lr, eps] = [this.decay, 1 - this.decay, this.momentum, this.learningRate, this.epsilon].map(f32);
    for (let k = 0; k < w.length; k++) {
      const gk = g[k];
      const s = f32(f32(ms[k] * decay) + f32(f32(gk * gk) * keep));
      const step = f32(f32(gk * lr) / f32(Math.sqrt(f32(s + eps))));
      const m = f32(f32(mom[k] * momentum) + step);
      newMeanSquare[k] = s;
      newMoment[k] = m;
      newValue[k] = w[k] - m;
    }
    [value, meanSquare, moment].forEach((v, k) => {
      const fresh = tf.engine().makeTensorFromTensorInfo(outs[k]);
      v.assign(fresh);
      fresh.dispose();
    });
  }
}

/** tf.train.rmsprop (Keras' defaults: rho 0.9, no momentum, the backend's epsilon), with the fused update. */
export function rmsprop(learningRate: number): tf.Optimizer {
  return new FusedRMSPropOptimizer(learningRate);
}
