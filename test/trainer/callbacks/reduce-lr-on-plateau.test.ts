import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { ReduceLROnPlateau } from '../../../trainer/callbacks/reduce-lr-on-plateau';
import { currentLearningRate } from '../../../trainer/callbacks/tensorlens-callback';
import { recorder, scripted, tinyModel } from './scripted-callbacks';

test.before(async () => void (await tf.setBackend('cpu')));

/** The rate after each epoch of the script. */
async function lrTrace(callback: ReduceLROnPlateau, values: number[]): Promise<number[]> {
  const model = tinyModel();
  callback.setModel(model);
  await callback.onTrainBegin();
  const out: number[] = [];
  for (let epoch = 0; epoch < values.length; epoch++) {
    await callback.onEpochEnd(epoch, { val_loss: values[epoch] });
    out.push(currentLearningRate(model)!);
  }
  return out;
}

test('reduces the rate by `factor` after `patience` epochs without improvement, and says why', async () => {
  const r = recorder();
  const trace = await lrTrace(new ReduceLROnPlateau({ factor: 0.5, patience: 2, sink: r.sink }), [0.5, 0.4, 0.4, 0.41, 0.39, 0.39, 0.39]);
  assert.deepEqual(trace, [0.001, 0.001, 0.001, 0.0005, 0.0005, 0.0005, 0.00025]);
  assert.equal(r.events.length, 2);
  assert.equal(r.events[0].kind, 'reduce_lr');
  assert.equal(r.events[0].reason, 'val_loss did not improve on 0.4000 for 2 epochs: learning rate reduced from 0.001 to 0.0005');
  assert.deepEqual(r.events[0].data, { monitor: 'val_loss', best: 0.4, current: 0.41, oldLr: 0.001, newLr: 0.0005, epoch: 4 });
});

test('minDelta defaults to 1e-4 as in Keras, and can be set', async () => {
  assert.deepEqual(await lrTrace(new ReduceLROnPlateau({ factor: 0.5, patience: 1 }), [0.5, 0.49995]), [0.001, 0.0005], 'below 1e-4 is no improvement');
  assert.deepEqual(await lrTrace(new ReduceLROnPlateau({ factor: 0.5, patience: 1, minDelta: 0 }), [0.5, 0.49995]), [0.001, 0.001]);
  assert.deepEqual(await lrTrace(new ReduceLROnPlateau({ factor: 0.5, patience: 1, minDelta: 0.05 }), [0.5, 0.46, 0.4]), [0.001, 0.0005, 0.0005]);
});

test('minLr: the rate never goes below it, and nothing is reported once it is there', async () => {
  const r = recorder();
  const trace = await lrTrace(new ReduceLROnPlateau({ factor: 0.1, patience: 1, minLr: 0.00005, sink: r.sink }), [0.5, 0.5, 0.5, 0.5, 0.5]);
  assert.deepEqual(trace, [0.001, 0.0001, 0.00005, 0.00005, 0.00005]);
  assert.equal(r.events.length, 2);
  assert.match(r.events[1].reason, /reduced from 0\.0001 to 0\.00005 \(minLr\)$/);
});

test('cooldown: after a reduction, epochs are not counted for `cooldown` epochs', async () => {
  const flat = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
  assert.deepEqual(await lrTrace(new ReduceLROnPlateau({ factor: 0.5, patience: 1 }), flat), [0.001, 0.0005, 0.00025, 0.000125, 0.0000625, 0.00003125, 0.000015625]);
  assert.deepEqual(await lrTrace(new ReduceLROnPlateau({ factor: 0.5, patience: 1, cooldown: 2 }), flat), [0.001, 0.0005, 0.0005, 0.00025, 0.00025, 0.000125, 0.000125]);
});

test('mode max and auto for accuracy', async () => {
  const model = tinyModel();
  const r = new ReduceLROnPlateau({ monitor: 'val_acc', factor: 0.5, patience: 1 });
  await scripted(r, model).play([0.5, 0.6, 0.7, 0.7], 'val_acc');
  assert.equal(currentLearningRate(model), 0.0005, 'only the flat last epoch reduced the rate');
  const m2 = tinyModel();
  await scripted(new ReduceLROnPlateau({ monitor: 'val_acc', mode: 'min', factor: 0.5, patience: 1 }), m2).play([0.5, 0.6], 'val_acc');
  assert.equal(currentLearningRate(m2), 0.0005);
});

test('a missing metric warns and changes nothing; bad arguments are refused', async () => {
  const r = recorder();
  const model = tinyModel();
  await scripted(new ReduceLROnPlateau({ patience: 0, warnFunc: r.warnFunc }), model).play([undefined, undefined]);
  assert.equal(currentLearningRate(model), 0.001);
  assert.match(r.warnings[0], /ReduceLROnPlateau: metric "val_loss" is not available/);
  assert.throws(() => new ReduceLROnPlateau({ factor: 1 }), /factor must be in \(0, 1\)/);
  assert.throws(() => new ReduceLROnPlateau({ minLr: -1 }), /minLr must be a number ≥ 0/);
  assert.throws(() => new ReduceLROnPlateau({ cooldown: 1.5 }), /cooldown must be an integer/);
});

test('the optimizer really trains with the reduced rate, for SGD (cached scalar) and Adam (field) alike', async () => {
  for (const make of [() => tf.train.sgd(0.1), () => tf.train.adam(0.1)]) {
    const plain = tinyModel(make());
    const reduced = tinyModel(make());
    const cb = new ReduceLROnPlateau({ factor: 0.01, patience: 0, minDelta: 0 });
    await scripted(cb, reduced).play([0.5, 0.6]);
    assert.ok(Math.abs(currentLearningRate(reduced)! - 0.001) < 1e-12);
    const x = tf.tensor2d([[1, 2]]);
    const y = tf.tensor2d([[0]]);
    await plain.fit(x, y, { epochs: 1, verbose: 0 });
    await reduced.fit(x, y, { epochs: 1, verbose: 0 });
    const moved = (m: tf.LayersModel) => Math.abs(1 - m.getWeights()[0].dataSync()[0]);
    assert.ok(Math.abs(moved(reduced) / moved(plain) - 0.01) < 1e-3, `${plain.optimizer.getClassName()}: one step moves the weight 100× less (${moved(reduced)} vs ${moved(plain)})`);
    tf.dispose([x, y]);
  }
});
