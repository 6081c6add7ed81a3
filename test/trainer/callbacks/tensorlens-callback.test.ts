import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Run } from '../../../lib/client/run';
import { TensorlensCallback } from '../../../trainer/callbacks/tensorlens-callback';
import { computeHistogram } from '../../../lib/kinds/histogram/compute-histogram';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';

test('points reach the server while fit() is still running', async (t) => {
  await tf.setBackend('cpu');
  const server = await startSocketServer(join(tempDir(t), 'live.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'live', flushIntervalMs: 0 });
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: 'sigmoid' })] });
  model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
  const x = tf.randomNormal([400, 3]);
  const y = tf.randomUniform([400, 1]);
  const storedDuringFit: number[] = [];
  // Reads the store synchronously, so it sees only what arrived during earlier turns of the loop.
  const probe = new tf.CustomCallback({
    onEpochEnd: () => void storedDuringFit.push(server.app.tables.scalar.read(run.id, 'batch/loss', 10_000)?.count ?? 0),
  });
  await model.fit(x, y, { epochs: 4, batchSize: 10, callbacks: [new TensorlensCallback({ run }), probe], verbose: 0, yieldEvery: 'never' });
  assert.equal(await run.finish(), true);
  tf.dispose([x, y]);
  model.dispose();
  assert.ok(storedDuringFit[2] > 0, `points stored by the end of epochs 1-3: ${storedDuringFit.join(', ')}`);
});

test('fit() streams batch and epoch metrics on one step axis, with lr and epoch time', async (t) => {
  await tf.setBackend('cpu');
  const server = await startSocketServer(join(tempDir(t), 'cb.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'tiny' });
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], activation: 'sigmoid' })] });
  model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'binaryCrossentropy', metrics: ['acc'] });
  const x = tf.randomNormal([50, 3]);
  const y = tf.cast(tf.greater(x.slice([0, 0], [50, 1]), 0), 'float32');
  await model.fit(x, y, { epochs: 2, batchSize: 10, validationSplit: 0.2, callbacks: [new TensorlensCallback({ run })], verbose: 0 });
  assert.equal(await run.finish(), true);
  tf.dispose([x, y]);
  model.dispose();

  const tags = Object.fromEntries(server.app.tables.scalar.listTags(run.id).map((i) => [i.tag, i]));
  assert.deepEqual(Object.keys(tags).sort(), ['batch/acc', 'batch/loss', 'epoch/acc', 'epoch/loss', 'epoch/lr', 'epoch/time', 'epoch/val_acc', 'epoch/val_loss']);
  // 40 training samples / batch 10 = 4 steps per epoch
  assert.deepEqual(server.app.read.scalar.series(run.id, 'batch/loss', 100).points.map(([step]) => step), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(server.app.read.scalar.series(run.id, 'epoch/val_loss', 100).points.map(([step]) => step), [4, 8]);
  assert.ok(Math.abs(tags['epoch/lr'].last[2] - 0.01) < 1e-9);
  assert.ok(tags['epoch/time'].last[2] >= 0);
  assert.equal(server.app.store.getRun(run.id)!.status, 'finished');
});

test('histogram_freq records every weight and activation of the model on the probe batch', async (t) => {
  await tf.setBackend('cpu');
  const server = await startSocketServer(join(tempDir(t), 'hist.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'histograms' });
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu', name: 'hidden' }), tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'out' })],
  });
  model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
  const x = tf.randomNormal([40, 3]);
  const y = tf.randomUniform([40, 1]);
  const probe = x.slice(0, 8);
  const before = tf.memory().numTensors;
  await model.fit(x, y, { epochs: 4, batchSize: 10, callbacks: [new TensorlensCallback({ run, histogramFreq: 2, probe, bucketCount: 12 })], verbose: 0 });
  assert.equal(tf.memory().numTensors, before, 'recording leaks no tensor');
  // Binned on a worker thread, yet exactly what binning here gives: the last epoch's are the final weights'.
  const finalKernel = computeHistogram(model.getLayer('out').getWeights()[0].dataSync(), 12);
  assert.equal(await run.finish(), true);
  tf.dispose([x, y, probe]);
  model.dispose();

  const tags = server.app.tables.histogram.listTags(run.id);
  const { tag, step, wallTime, ...stored } = server.app.tables.histogram.read(run.id, 'weights/out/kernel')!.at(-1)!;
  assert.deepEqual({ tag, step }, { tag: 'weights/out/kernel', step: 16 });
  assert.ok(wallTime > 0);
  assert.deepEqual(stored, finalKernel);
  assert.deepEqual(tags.map((h) => h.tag), ['activations/hidden', 'activations/out', 'weights/hidden/bias', 'weights/hidden/kernel', 'weights/out/bias', 'weights/out/kernel']);
  assert.ok(tags.every((h) => h.count === 2 && h.firstStep === 8 && h.lastStep === 16), 'epochs 2 and 4, at their last batch');
  const hidden = server.app.tables.histogram.read(run.id, 'activations/hidden')!;
  assert.equal(hidden[0].count, 8 * 4, 'one value per probe row and unit');
  assert.equal(hidden[0].counts.length, 12);
  assert.equal(server.app.tables.histogram.read(run.id, 'weights/hidden/kernel')![0].count, 12);
});
