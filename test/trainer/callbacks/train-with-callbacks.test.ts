import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseTrainFlags, type TrainFlags } from '../../../trainer/flags';
import { train } from '../../../trainer/train';
import type { ModelEntry } from '../../../trainer/zoo/model-entry';
import { loadModelFrom } from '../../../trainer/io/file-system-handler';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';

const root = resolve(__dirname, '../../..');

/** 64 rows of generated data with random labels: the validation loss has nothing to improve on. */
const noise: ModelEntry = {
  name: 'noise-mlp',
  description: 'a dense layer on random labels',
  async prepare(flags) {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [6], activation: 'relu' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });
    model.compile({ optimizer: tf.train.adam(flags.learningRate), loss: 'binaryCrossentropy', metrics: ['acc'] });
    return { model, x: tf.randomNormal([64, 6], 0, 1, 'float32', 3), y: tf.round(tf.randomUniform([64, 1], 0, 1, 'float32', 4)), data: { rows: 64 } };
  },
};

test('a real short run with ReduceLROnPlateau, EarlyStopping, ModelCheckpoint and a user callback: events land in SQLite', { timeout: 120_000 }, async (t) => {
  const dir = tempDir(t);
  const server = await startSocketServer(join(dir, 'run.db'));
  t.after(() => server.close());
  // A min_delta no change can reach makes every epoch after the first a non-improvement.
  const flags = parseTrainFlags([
    '--epochs', '10', '--batch-size', '16', '--validation-split', '0.25', '--learning-rate', '0.01', '--backend', 'cpu', '--run-name', 'callbacks',
    '--server', server.url, '--checkpoint-path', join(dir, 'ck', 'best'), '--save-best-only', '--min-delta', '5',
    '--reduce-lr-patience', '1', '--reduce-lr-factor', '0.1', '--early-stopping-patience', '2',
    '--callbacks', join(root, 'trainer/callbacks/examples/overfitting-alarm.ts'),
  ]) as TrainFlags;
  process.env.OVERFITTING_GAP = '-100';
  t.after(() => delete process.env.OVERFITTING_GAP);
  const lines: string[] = [];
  const { runId, delivery } = await train(flags, noise, (line) => lines.push(line));
  assert.equal(delivery.delivered, true);

  // 48 training rows / batch 16 = 3 steps per epoch; training stops after epoch 3 of 10.
  const events = server.app.tables.event.read(runId);
  const order = (a: [number, string], b: [number, string]) => a[0] - b[0] || a[1].localeCompare(b[1]);
  assert.deepEqual(events.map((e): [number, string] => [e.step, e.kind]).sort(order), [
    [3, 'checkpoint'], [3, 'overfitting'],
    [6, 'overfitting'], [6, 'reduce_lr'],
    [9, 'early_stopping'], [9, 'overfitting'], [9, 'reduce_lr'],
  ]);
  const byKind = (kind: string) => events.filter((e) => e.kind === kind);
  assert.match(byKind('checkpoint')[0].reason, /^val_loss improved from inf to \d\.\d{4}, saved .*ck\/best$/);
  assert.deepEqual(byKind('reduce_lr').map((e) => [e.data.oldLr, e.data.newLr]), [[0.01, 0.001], [0.001, 0.0001]]);
  assert.match(byKind('early_stopping')[0].reason, /did not improve on \d\.\d{4} \(epoch 1\) for 2 epochs \(patience 2\): training stopped after epoch 3$/);

  // The rate really changed: epoch/lr is the rate each epoch trained with.
  const lr = server.app.read.scalar.series(runId, 'epoch/lr', 100).points.map(([step, , value]) => [step, value]);
  assert.deepEqual(lr.map(([step]) => step), [3, 6, 9]);
  assert.ok(Math.abs(lr[0][1] - 0.01) < 1e-9 && Math.abs(lr[1][1] - 0.01) < 1e-9 && Math.abs(lr[2][1] - 0.001) < 1e-9, JSON.stringify(lr));
  assert.equal(server.app.store.getRun(runId)!.status, 'finished');
  assert.equal(server.app.store.getRun(runId)!.config.earlyStoppingPatience, 2, 'the callbacks are part of the stored configuration');

  assert.ok(existsSync(join(dir, 'ck', 'best', 'model.json')));
  const loaded = await loadModelFrom(join(dir, 'ck', 'best'));
  const prediction = loaded.predict(tf.zeros([2, 6])) as tf.Tensor;
  assert.deepEqual(prediction.shape, [2, 1]);
  tf.dispose(prediction);
  loaded.dispose();
});
