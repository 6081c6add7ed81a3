import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { FusedRMSPropOptimizer, rmsprop } from '../../../trainer/models/fused-rmsprop';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { randomFloats, rng } from '../backend/kernel-harness';

const STEPS = 6;

function mlp(optimizer: tf.Optimizer): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [7], units: 5, activation: 'relu' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  const rand = rng(11);
  model.setWeights(model.getWeights().map((w) => tf.tensor(randomFloats(rand, w.size), w.shape)));
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}

/** Weights and optimizer slots after STEPS batches; checks that no step after the first leaks a tensor. */
async function train(optimizer: tf.Optimizer): Promise<{ initial: number[][]; weights: number[][]; slots: number[][] }> {
  const model = mlp(optimizer);
  const initial = model.getWeights().map((w) => Array.from(w.dataSync()));
  const x = tf.tensor2d(randomFloats(rng(12), 16 * 7), [16, 7]);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 3), 'int32'), 3);
  await model.trainOnBatch(x, y);
  const tensorsAfterFirst = tf.memory().numTensors;
  for (let s = 1; s < STEPS; s++) await model.trainOnBatch(x, y);
  assert.equal(tf.memory().numTensors, tensorsAfterFirst, `${tf.getBackend()}: tensors leaked by a step`);
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  const slots = (await optimizer.getWeights()).slice(1).map((w) => Array.from(w.tensor.dataSync()));
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  return { initial, weights, slots };
}

function assertClose(actual: number[][], expected: number[][], label: string): void {
  assert.equal(actual.length, expected.length, `${label}: count`);
  expected.forEach((exp, k) => exp.forEach((e, i) => {
    assert.ok(Math.abs(actual[k][i] - e) <= 1e-6 * Math.max(1, Math.abs(e)), `${label} ${k}[${i}]: ${actual[k][i]} vs stock ${e}`);
  }));
}

for (const backend of ['cpu', 'wasm'] as const) {
  test(`fused RMSprop gives stock tf.train.rmsprop's weights and slots after ${STEPS} steps (${backend})`, async () => {
    await selectBackend(backend);
    const stock = await train(tf.train.rmsprop(0.01));
    const fused = await train(rmsprop(0.01));
    assert.notDeepEqual(stock.weights, stock.initial, 'training moved the weights');
    assertClose(fused.weights, stock.weights, 'weights');
    assertClose(fused.slots, stock.slots, 'slots');
  });

  test(`fused RMSprop with momentum and another rho matches stock (${backend})`, async () => {
    await selectBackend(backend);
    const stock = await train(tf.train.rmsprop(0.01, 0.8, 0.5));
    const fused = await train(new FusedRMSPropOptimizer(0.01, 0.8, 0.5));
    assertClose(fused.weights, stock.weights, 'weights');
    assertClose(fused.slots, stock.slots, 'slots');
  });
}

test('a centered fused RMSprop falls back to the stock update', async () => {
  await selectBackend('cpu');
  const stock = await train(tf.train.rmsprop(0.01, 0.9, 0.5, 1e-7, true));
  const fused = await train(new FusedRMSPropOptimizer(0.01, 0.9, 0.5, 1e-7, true));
  assertClose(fused.weights, stock.weights, 'weights');
});

for (const backend of ['cpu', 'wasm'] as const) {
  test(`a tensor sharing a slot's buffer keeps its values through the in-place update (${backend})`, async () => {
    await selectBackend(backend);
    const optimizer = rmsprop(0.01);
    const model = mlp(optimizer);
    const x = tf.tensor2d(randomFloats(rng(12), 16 * 7), [16, 7]);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 3), 'int32'), 3);
    await model.trainOnBatch(x, y);
    const slots = (await optimizer.getWeights()).slice(1).map((w) => w.tensor);
    const clones = slots.map((s) => tf.clone(s));
    const before = clones.map((c) => Array.from(c.dataSync()));
    await model.trainOnBatch(x, y);
    assert.deepEqual(clones.map((c) => Array.from(c.dataSync())), before, 'the clones kept their values');
    assert.notDeepEqual(slots.map((s) => Array.from(s.dataSync())), before, 'the slots moved on');
    tf.dispose([x, y, ...clones]);
    model.dispose();
    optimizer.dispose();
  });
}
