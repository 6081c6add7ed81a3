import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { EarlyStopping } from '../../../trainer/callbacks/early-stopping';
import { recorder, scripted, tinyModel } from './scripted-callbacks';

test.before(async () => void (await tf.setBackend('cpu')));

test('stops once the metric has not improved for `patience` epochs, and says why', async () => {
  const r = recorder();
  const es = new EarlyStopping({ patience: 2, sink: r.sink });
  const stopped = await scripted(es, tinyModel()).play([0.5, 0.4, 0.41, 0.45, 0.3]);
  assert.equal(stopped, 3, 'epochs 3 and 4 (0-based 2, 3) did not beat 0.4');
  assert.equal(es.best, 0.4);
  assert.equal(es.stoppedEpoch, 3);
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0].kind, 'early_stopping');
  assert.equal(r.events[0].reason, 'val_loss did not improve on 0.4000 (epoch 2) for 2 epochs (patience 2): training stopped after epoch 4');
  assert.deepEqual(r.events[0].data, { monitor: 'val_loss', best: 0.4, bestEpoch: 2, epoch: 4, patience: 2, restoreBestWeights: false });
});

test('an improvement resets the count; patience 0 stops at the first non-improving epoch after the first', async () => {
  assert.equal(await scripted(new EarlyStopping({ patience: 2 }), tinyModel()).play([0.5, 0.6, 0.4, 0.6, 0.3, 0.6, 0.7]), 6);
  assert.equal(await scripted(new EarlyStopping({ patience: 0 }), tinyModel()).play([0.5, 0.6]), 1);
  assert.equal(await scripted(new EarlyStopping({ patience: 0 }), tinyModel()).play([0.5, 0.4, 0.3]), null);
});

test('minDelta: smaller changes are no improvement', async () => {
  const es = new EarlyStopping({ patience: 1, minDelta: 0.01 });
  assert.equal(await scripted(es, tinyModel()).play([0.5, 0.495, 0.49]), 1);
  assert.equal(await scripted(new EarlyStopping({ patience: 1, minDelta: -0.01 }), tinyModel()).play([0.5, 0.495, 0.48]), 1, 'the sign of minDelta does not matter');
  assert.equal(await scripted(new EarlyStopping({ patience: 1, minDelta: 0.01 }), tinyModel()).play([0.5, 0.48, 0.46]), null);
});

test('mode: auto is max for accuracy-like metrics; explicit min/max override it', async () => {
  const rising = [0.5, 0.6, 0.7, 0.8];
  assert.equal(await scripted(new EarlyStopping({ monitor: 'val_acc', patience: 1 }), tinyModel()).play(rising, 'val_acc'), null);
  assert.equal(await scripted(new EarlyStopping({ monitor: 'val_acc', mode: 'min', patience: 1 }), tinyModel()).play(rising, 'val_acc'), 1);
  assert.equal(await scripted(new EarlyStopping({ monitor: 'val_loss', mode: 'max', patience: 1 }), tinyModel()).play(rising), null);
  assert.equal(await scripted(new EarlyStopping({ patience: 1 }), tinyModel()).play(rising), 1, 'auto: val_loss is minimised');
  assert.equal(new EarlyStopping({ monitor: 'val_auc' }).monitor.direction, 'max');
  assert.throws(() => new EarlyStopping({ mode: 'up' as never }), /mode must be one of auto, min, max, got "up"/);
  assert.throws(() => new EarlyStopping({ patience: -1 }), /patience must be an integer ≥ 0/);
});

test('baseline: epochs that improve but do not beat the baseline still count against patience', async () => {
  const r = recorder();
  const es = new EarlyStopping({ patience: 2, baseline: 0.3, sink: r.sink });
  assert.equal(await scripted(es, tinyModel()).play([0.5, 0.45, 0.4, 0.42]), 3);
  assert.match(r.events[0].reason, /^val_loss did not beat the baseline 0\.3000 for 4 epochs/);
  assert.equal(await scripted(new EarlyStopping({ patience: 2 }), tinyModel()).play([0.5, 0.45, 0.4, 0.42]), null, 'without a baseline the same run goes on');
  assert.equal(await scripted(new EarlyStopping({ patience: 2, baseline: 0.3 }), tinyModel()).play([0.5, 0.25, 0.26, 0.2, 0.27]), null);
});

test('a missing metric warns like Keras and never stops training', async () => {
  const r = recorder();
  const es = new EarlyStopping({ monitor: 'val_los', patience: 0, warnFunc: r.warnFunc, sink: r.sink });
  assert.equal(await scripted(es, tinyModel()).play([0.5, 0.6, 0.7]), null);
  assert.equal(r.warnings.length, 3);
  assert.match(r.warnings[0], /EarlyStopping: metric "val_los" is not available .*Available metrics are: loss, val_loss/);
  assert.deepEqual(r.events, []);
});

test('restoreBestWeights puts back the weights of the best epoch at the end of training', async () => {
  const model = tinyModel();
  const es = new EarlyStopping({ patience: 1, restoreBestWeights: true });
  es.setModel(model);
  const kernel = () => Array.from(model.getWeights()[0].dataSync());
  const setKernel = (v: number) => model.setWeights([tf.fill([2, 1], v), tf.zeros([1])]);
  await es.onTrainBegin();
  const losses = [0.5, 0.3, 0.4, 0.45];
  for (let epoch = 0; epoch < losses.length && !model.stopTraining; epoch++) {
    setKernel(epoch + 1);
    await es.onEpochEnd(epoch, { val_loss: losses[epoch] });
  }
  assert.equal(model.stopTraining, true);
  assert.deepEqual(kernel(), [3, 3], 'before the end, the last weights');
  const before = tf.memory().numTensors;
  await es.onTrainEnd();
  assert.deepEqual(kernel(), [2, 2], 'the weights of epoch 2, where val_loss was 0.3');
  assert.ok(tf.memory().numTensors < before, 'the kept copies are released');
});
