import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';

interface LstmCase {
  batch: number;
  steps: number;
  inputDim: number;
  units: number;
  recurrentActivation: 'hardSigmoid' | 'sigmoid';
  returnSequences: boolean;
  useBias: boolean;
}

const CASES: LstmCase[] = [
  { batch: 3, steps: 5, inputDim: 4, units: 3, recurrentActivation: 'hardSigmoid', returnSequences: false, useBias: true },
  { batch: 2, steps: 7, inputDim: 3, units: 5, recurrentActivation: 'hardSigmoid', returnSequences: true, useBias: true },
  { batch: 4, steps: 2, inputDim: 2, units: 2, recurrentActivation: 'sigmoid', returnSequences: false, useBias: false },
  { batch: 2, steps: 6, inputDim: 5, units: 4, recurrentActivation: 'sigmoid', returnSequences: true, useBias: true },
];

/**
 * The layer's output and the gradients of a weighted sum of it with respect to its input and
 * each weight, all from seeded values; wide weights push the hard sigmoid into its flat parts.
 */
function outputAndGradients(c: LstmCase): tf.Tensor[] {
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

for (const c of CASES) {
  const label = `LSTM batch ${c.batch}, ${c.steps} steps, ${c.inputDim} → ${c.units}, ${c.recurrentActivation}${c.returnSequences ? ', sequences' : ''}${c.useBias ? '' : ', no bias'}`;
  test(`${label}: output and gradients (fused on cpu and wasm) match stock cpu's step loop`, async () => {
    await expectMatchesStock(label, () => outputAndGradients(c), 1e-5);
  });
}

test('an LSTM the fused path does not cover (goBackwards, returnState) still matches stock', async () => {
  for (const extra of [{ goBackwards: true }, { returnState: true }] as const) {
    await expectMatchesStock(JSON.stringify(extra), () => {
      const layer = tf.layers.lstm({ units: 3, ...extra, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const out = layer.apply(tf.tensor3d(randomFloats(rng(5), 2 * 4 * 3), [2, 4, 3])) as tf.Tensor | tf.Tensor[];
      layer.dispose();
      return out;
    });
  }
});

test('on wasm, an LSTM over 50 steps runs as a handful of kernels, not a step loop', async () => {
  await selectBackend('wasm');
  const layer = tf.layers.lstm({ units: 4 });
  const x = tf.ones([2, 50, 3]);
  tf.dispose(layer.apply(x) as tf.Tensor); // builds the weights, which takes kernels of its own
  const profile = await tf.profile(() => tf.dispose(layer.apply(x) as tf.Tensor));
  assert.ok(profile.kernels.length < 25, `${profile.kernels.length} kernels`);
  layer.dispose();
  x.dispose();
});
