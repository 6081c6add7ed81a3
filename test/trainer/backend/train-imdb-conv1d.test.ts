import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { buildImdbConv1d } from '../../../trainer/models/imdb-conv1d';
import { rng } from './kernel-harness';

/**
 * Learnable in a few steps: positive reviews use only the upper half of the
 * vocabulary, negative ones only the lower half.
 */
function toyReviews(count: number, maxLen: number, maxFeatures: number): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const rand = rng(42);
  const labels = Array.from({ length: count }, (_, i) => i % 2);
  const half = maxFeatures / 2;
  const tokens = labels.flatMap((label) =>
    Array.from({ length: maxLen }, () => Math.floor(rand() * half) + label * half));
  return { xs: tf.tensor2d(tokens, [count, maxLen], 'int32'), ys: tf.tensor2d(labels, [count, 1]) };
}

test('the IMDB Conv1D trains on wasm: loss falls, no tensor leaks between epochs', async () => {
  const backend = await selectBackend('wasm');
  assert.equal(backend.name, 'wasm');
  const model = buildImdbConv1d({ maxFeatures: 200, maxLen: 60, learningRate: 0.01 });
  const { xs, ys } = toyReviews(64, 60, 200);
  const losses: number[] = [];
  const tensorsAtEpochEnd: number[] = [];
  await model.fit(xs, ys, {
    batchSize: 32, // two batches per epoch
    epochs: 4,
    shuffle: false,
    callbacks: {
      onEpochEnd: async (_epoch, logs) => {
        losses.push(logs!.loss);
        tensorsAtEpochEnd.push(tf.memory().numTensors);
      },
    },
  });
  assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
  assert.ok(losses[losses.length - 1] < losses[0] * 0.9, `loss should fall: ${losses}`);
  assert.equal(new Set(tensorsAtEpochEnd).size, 1, `tensor count changed between epochs: ${tensorsAtEpochEnd}`);
  tf.dispose([xs, ys]);
  model.dispose();
});

test('the gradients of the IMDB Conv1D loss on wasm match stock cpu', async () => {
  // Same weights and batch on both backends; the loss gradient runs every kernel of
  // the forward and backward pass, ours on wasm against tfjs's own cpu ones.
  const { xs, ys } = toyReviews(8, 45, 50);
  const [xsData, ysData] = [xs.arraySync(), ys.arraySync()];
  tf.dispose([xs, ys]);
  const gradientsOn = async (name: 'cpu' | 'wasm', weights?: tf.Tensor[]) => {
    await (name === 'wasm' ? selectBackend('wasm') : tf.setBackend('cpu'));
    const model = buildImdbConv1d({ maxFeatures: 50, maxLen: 45 });
    if (weights) model.setWeights(weights);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => {
      const predicted = model.predict(tf.tensor2d(xsData, undefined, 'int32')) as tf.Tensor;
      return tf.metrics.binaryCrossentropy(tf.tensor2d(ysData), predicted).mean() as tf.Scalar;
    }, variables);
    const result = { loss: value.dataSync()[0], grads: variables.map((v) => Array.from(grads[v.name].dataSync())) };
    const initial = model.getWeights().map((w) => w.clone());
    tf.dispose([value, ...Object.values(grads)]);
    model.dispose();
    return { ...result, initial };
  };
  const cpu = await gradientsOn('cpu');
  const wasm = await gradientsOn('wasm', cpu.initial);
  assert.ok(Math.abs(wasm.loss - cpu.loss) < 1e-5, `loss ${wasm.loss} vs ${cpu.loss}`);
  cpu.grads.forEach((expected, i) => {
    const scale = Math.max(...expected.map(Math.abs));
    assert.ok(scale > 0, `gradient ${i} is all zero`);
    const maxDiff = Math.max(...expected.map((v, j) => Math.abs(v - wasm.grads[i][j])));
    // The absolute floor is float32 rounding of sums in another order: a gradient whose largest entry is
    // 1.6e-4 was once off by 2.6e-8 between the backends, which no wrong kernel would be.
    assert.ok(maxDiff <= 1e-4 * scale + 1e-7, `gradient ${i} differs by ${maxDiff} (scale ${scale})`);
  });
  tf.dispose([...cpu.initial, ...wasm.initial]);
});
