import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ModelCheckpoint } from '../../../trainer/callbacks/model-checkpoint';
import { formatFilepath } from '../../../trainer/callbacks/format-filepath';
import { fileSystemHandler, loadModelFrom, loadWeightsFrom } from '../../../trainer/io/file-system-handler';
import { tempDir } from '../../helpers/temp-dir';
import { recorder, scripted, tinyModel } from './scripted-callbacks';

test.before(async () => void (await tf.setBackend('cpu')));

test('filepath placeholders follow Python format specs as Keras uses them', () => {
  const logs = { epoch: 7, val_loss: 0.381249, acc: 0.9 };
  assert.equal(formatFilepath('ck/epoch-{epoch:03d}-{val_loss:.4f}', logs), 'ck/epoch-007-0.3812');
  assert.equal(formatFilepath('ck/{epoch}-{acc}-{val_loss:.2e}-{epoch:4d}', logs), 'ck/7-0.9-3.81e-01-   7');
  assert.equal(formatFilepath('{a:.3g}/{b:.3g}/{c:g}/{d:g}/{e:.3g}/{f:8.2e}', { a: 0.000123456, b: 12345.678, c: 0.5, d: 1e-5, e: 100, f: 3.5 }), '0.000123/1.23e+04/0.5/1e-05/100/3.50e+00');
  assert.equal(formatFilepath('ck/{val_loss:08.3f}', { val_loss: -1.5 }), 'ck/-001.500');
  assert.throws(() => formatFilepath('ck/{val_acc:.2f}', logs), /names \{val_acc\}, which is not in the logs; available: epoch, val_loss, acc/);
});

test('saveBestOnly saves only improving epochs, with an event that says why', async (t) => {
  const dir = tempDir(t);
  const r = recorder();
  const cp = new ModelCheckpoint({ filepath: join(dir, 'best'), saveBestOnly: true, sink: r.sink });
  await scripted(cp, tinyModel()).play([0.5, 0.6, 0.4, 0.4]);
  assert.deepEqual(r.events.map((e) => e.data!.epoch), [1, 3]);
  assert.equal(r.events[0].kind, 'checkpoint');
  assert.equal(r.events[0].reason, `val_loss improved from inf to 0.5000, saved ${join(dir, 'best')}`);
  assert.equal(r.events[1].reason, `val_loss improved from 0.5000 to 0.4000, saved ${join(dir, 'best')}`);
  assert.deepEqual(readdirSync(join(dir, 'best')).filter((f) => f.endsWith('.bin')).length, 1, 'superseded weights are removed');
  assert.deepEqual(readdirSync(join(dir, 'best')).filter((f) => f.includes('.tmp-')), [], 'no temporary file is left');
});

test('mode max, initialValueThreshold, and a missing metric skipping with a warning', async (t) => {
  const dir = tempDir(t);
  const r = recorder();
  const cp = new ModelCheckpoint({ filepath: join(dir, 'acc-{epoch}'), monitor: 'val_acc', saveBestOnly: true, initialValueThreshold: 0.55, sink: r.sink, warnFunc: r.warnFunc });
  await scripted(cp, tinyModel()).play([0.5, 0.6, undefined, 0.58, 0.7], 'val_acc');
  assert.deepEqual(r.events.map((e) => e.data!.epoch), [2, 5]);
  assert.deepEqual(readdirSync(dir).sort(), ['acc-2', 'acc-5']);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0], /ModelCheckpoint: metric "val_acc" is not available \(can save the best model only with it; skipping\)/);
});

test('without saveBestOnly every epoch is saved to its own formatted path', async (t) => {
  const dir = tempDir(t);
  const r = recorder();
  await scripted(new ModelCheckpoint({ filepath: join(dir, 'epoch-{epoch:02d}-{val_loss:.2f}'), sink: r.sink }), tinyModel()).play([0.5, 0.6]);
  assert.deepEqual(readdirSync(dir).sort(), ['epoch-01-0.50', 'epoch-02-0.60']);
  assert.equal(r.events[1].reason, `epoch 2 saved to ${join(dir, 'epoch-02-0.60')} (val_loss 0.6000)`);
});

test('a checkpoint loads back as the same model: same predictions', async (t) => {
  const dir = tempDir(t);
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 5, inputShape: [3], activation: 'relu', name: 'hidden' }), tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' })],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['acc'] });
  const x = tf.randomNormal([32, 3], 0, 1, 'float32', 7);
  const y = tf.oneHot(tf.cast(tf.greater(x.slice([0, 0], [32, 1]).reshape([32]), 0), 'int32'), 2);
  const cp = new ModelCheckpoint({ filepath: join(dir, 'ck'), monitor: 'loss' });
  await model.fit(x, y, { epochs: 3, batchSize: 8, callbacks: [cp], verbose: 0 });
  const json = JSON.parse(readFileSync(join(dir, 'ck', 'model.json'), 'utf8'));
  assert.equal(json.format, 'layers-model');
  assert.ok(json.modelTopology.config.layers.some((l: { name: string }) => l.name === 'hidden'));
  assert.equal(json.weightsManifest[0].weights.length, 4, 'two kernels and two biases');

  const loaded = await loadModelFrom(join(dir, 'ck'));
  const expected = (model.predict(x) as tf.Tensor).arraySync() as number[][];
  const actual = (loaded.predict(x) as tf.Tensor).arraySync() as number[][];
  assert.deepEqual(actual, expected);
  assert.deepEqual(loaded.layers.filter((l) => l.getClassName() !== 'InputLayer').map((l) => l.name), ['hidden', 'out']);

  // Weights only: no topology, loaded into a fresh model of the same architecture.
  await scripted(new ModelCheckpoint({ filepath: join(dir, 'w'), saveWeightsOnly: true }), model).play([0.1]);
  assert.equal(JSON.parse(readFileSync(join(dir, 'w', 'model.json'), 'utf8')).modelTopology, null);
  await assert.rejects(loadModelFrom(join(dir, 'w')));
  const fresh = tf.sequential({
    layers: [tf.layers.dense({ units: 5, inputShape: [3], activation: 'relu', name: 'hidden' }), tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' })],
  });
  await loadWeightsFrom(fresh, join(dir, 'w'));
  assert.deepEqual((fresh.predict(x) as tf.Tensor).arraySync(), expected);
  assert.ok(!existsSync(join(dir, 'w', 'model.json.tmp')), 'no temporary file is left');
});

test('a save that fails part-way leaves the previous checkpoint whole and loadable', async (t) => {
  const dir = join(tempDir(t), 'ck');
  const build = (seed: number) => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'out', kernelInitializer: tf.initializers.glorotUniform({ seed }) })] });
  const first = build(1);
  const second = build(2);
  await first.save(fileSystemHandler(dir));
  const x = tf.ones([1, 3]);
  const expected = (first.predict(x) as tf.Tensor).arraySync();

  let artifacts: tf.io.ModelArtifacts | undefined;
  await second.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) })));
  // The weights of the new checkpoint are written, then writing model.json fails (a BigInt cannot be JSON).
  await assert.rejects(fileSystemHandler(dir).save({ ...artifacts!, userDefinedMetadata: { broken: 1n as unknown as number } }), /BigInt/);
  assert.deepEqual(((await loadModelFrom(dir)).predict(x) as tf.Tensor).arraySync(), expected);

  await second.save(fileSystemHandler(dir));
  assert.deepEqual(((await loadModelFrom(dir)).predict(x) as tf.Tensor).arraySync(), (second.predict(x) as tf.Tensor).arraySync());
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.bin')).length, 1, 'the orphaned weights of the failed save are cleared by the next one');
});
