import * as tf from '@tensorflow/tfjs';
import { randomFloats, rng } from './kernel-harness';

export interface LstmCase {
  batch: number;
  steps: number;
  inputDim: number;
  units: number;
  recurrentActivation: 'hardSigmoid' | 'sigmoid';
  returnSequences: boolean;
  useBias: boolean;
}

export const CASES: LstmCase[] = [
  { batch: 3, steps: 5, inputDim: 4, units: 3, recurrentActivation: 'hardSigmoid', returnSequences: false, useBias: true },
  { batch: 2, steps: 7, inputDim: 3, units: 5, recurrentActivation: 'hardSigmoid', returnSequences: true, useBias: true },
  { batch: 4, steps: 2, inputDim: 2, units: 2, recurrentActivation: 'sigmoid', returnSequences: false, useBias: false },
  { batch: 2, steps: 6, inputDim: 5, units: 4, recurrentActivation: 'sigmoid', returnSequences: true, useBias: true },
];

/**
 * The layer's output and the gradients of a weighted sum of it with respect to its input and
 * each weight, all from seeded values; wide weights push the hard sigmoid into its flat parts.
 */
export function outputAndGradients(c: LstmCase): tf.Tensor[] {
  const layer = tf.layers.lstm({ units: c.units, recurrentActivation: c.recurrentActivation, returnSequences: c.returnSequences, useBias: c.useBias });
  const x = tf.variable(tf.tensor3d(randomFloats(rng(1), c.batch * c.steps * c.inputDim), [c.batch, c.steps, c.inputDim]).mul(2));
  layer.apply(x);
  layer.setWeights(layer.getWeights().map((w, k) => tf.tensor(randomFloats(rng(10 + k), w.size), w.shape).mul(1.5)));
  const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  const outputSize = c.batch * c.units * (c.returnSequences ? c.steps : 1);
  const outputWeights = tf.tensor(randomFloats(rng(2), outputSize), c.returnSequences ? [c.batch, c.steps, c.units] : [c.batch, c.units]);
  const { value, grads } = tf.variableGrads(() => (layer.apply(x) as tf.Tensor).mul(outputWeights).sum() as tf.Scalar, [x, ...weights]);
  const output = layer.apply(x) as tf.Tensor;
  const result = [output, value, grads[x.name], ...weights.map((w) => grads[w.name])];
  layer.dispose();
  x.dispose();
  return result;
}


/** Enough multiply-adds that the wasm kernels split their batch rows across threads, in uneven ranges. */
export const THREAD_CASES: LstmCase[] = [
  { batch: 10, steps: 24, inputDim: 6, units: 18, recurrentActivation: 'hardSigmoid', returnSequences: false, useBias: true },
  { batch: 9, steps: 30, inputDim: 5, units: 17, recurrentActivation: 'sigmoid', returnSequences: true, useBias: true },
];
