import * as tf from '@tensorflow/tfjs';
import { allocate, view } from '../backend/tensor-memory';
import { rmspropPass, type RmsPropFactors } from '../backend/kernels/rmsprop-pass';

// tf.train.rmsprop updates each variable with ~11 element-wise kernels. A small
// model's variables are tiny, so on wasm each kernel costs mostly its launch and a
// trip through the XNNPACK thread pool: the 64 → 32 → 32 → 10 MLP spent ~40% of a
// step there. Here one pass per variable (rmsprop-pass.ts) reads the gradient and the
// two slots and writes the three, with every intermediate rounded to float32 as the
// stock kernels round it, so the weights come out the same. The weights get new
// buffers; the slots are written in place (see update).

/** The backends whose buffers `view` and `allocate` reach without a copy. */
const FUSABLE_BACKENDS = new Set(['wasm', 'cpu']);

interface Slot { originalName: string; variable: tf.Variable }

/** RMSPropOptimizer's state; private in its typings, but the fused pass must keep it in step. */
interface RmsPropState {
  centered: boolean;
  accumulatedMeanSquares: Slot[];
  accumulatedMoments: Slot[];
}

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
    const variables = [value, meanSquare, moment];
    // The slots in place where the slot alone holds its buffer: one shared with another
    // tensor (a clone aliases it) must keep its values. The weights always get a new
    // buffer: tfjs-backend-wasm's products keep XNNPACK operators with the weights packed,
    // per buffer, so a weight changed in place would go on multiplying with its old values.
    const inPlace = (v: tf.Variable) => v !== value && backend.refCount(v.dataId) === 1;
    const outs = variables.map((v) => (inPlace(v) ? undefined : allocate(backend, v.shape, 'float32').info));
    // Views after every allocation: a wasm allocation can detach earlier views.
    const [w, ms, mom, g] = [value, meanSquare, moment, gradient].map((t) => view(backend, t) as Float32Array);
    const [newValue, newMeanSquare, newMoment] = outs.map((info, k) => (info ? view(backend, info) as Float32Array : [w, ms, mom][k]));
    const factors: RmsPropFactors = { decay: this.decay, keep: 1 - this.decay, momentum: this.momentum, learningRate: this.learningRate, epsilon: this.epsilon };
    rmspropPass(backend, { g, w, ms, mom, newValue, newMeanSquare, newMoment }, factors);
    variables.forEach((v, k) => {
      const info = outs[k];
      if (!info) return;
      const fresh = tf.engine().makeTensorFromTensorInfo(info);
      v.assign(fresh);
      fresh.dispose();
    });
  }
}

/** tf.train.rmsprop (Keras' defaults: rho 0.9, no momentum, the backend's epsilon), with the fused update. */
export function rmsprop(learningRate: number): tf.Optimizer {
  return new FusedRMSPropOptimizer(learningRate);
}
