import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { siameseLstm } from '../../../trainer/zoo/siamese-lstm';
import { tinyRunFlags } from './zoo-flags';

/** Gradient of the compiled loss with respect to one variable, for one batch. */
function gradient(model: tf.LayersModel, variable: tf.Variable, x: tf.Tensor[], y: tf.Tensor): Float32Array {
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(() => tf.metrics.binaryCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor).mean() as tf.Scalar, [variable]);
    return grads[variable.name].dataSync() as Float32Array;
  });
}

test('siamese-lstm: one LSTM instance encodes both sentences and both branches train it', { timeout: 120_000 }, async () => {
  await tf.setBackend('cpu');
  const { model, x, y } = await siameseLstm.prepare(tinyRunFlags('siamese-lstm', 'http://127.0.0.1:1'), () => undefined);
  const [left, right] = x as tf.Tensor[];

  const lstms = model.layers.filter((l) => l.getClassName() === 'LSTM');
  assert.equal(lstms.length, 1, 'one LSTM layer in the model');
  const [lstm] = lstms;
  assert.equal(lstm.inboundNodes.length, 2, 'called once per input');
  assert.equal(model.trainableWeights.filter((w) => w.originalName.startsWith('shared_lstm/')).length, lstm.trainableWeights.length, 'its weights count once');

  const kernel = lstm.trainableWeights[0].read() as tf.Variable;
  const [l, r, otherL, otherR, labels] = [left.slice(0, 4), right.slice(0, 4), left.slice(4, 4), right.slice(4, 4), (y as tf.Tensor).slice(0, 4)];
  const base = gradient(model, kernel, [l, r], labels);
  assert.notDeepEqual(gradient(model, kernel, [l, otherR], labels), base, 'the right sentence reaches the shared kernel');
  assert.notDeepEqual(gradient(model, kernel, [otherL, r], labels), base, 'the left sentence reaches the shared kernel');

  const before = lstm.getWeights().map((w) => Array.from(w.dataSync()));
  await model.fit([left, right], y as tf.Tensor, { epochs: 2, batchSize: 8, verbose: 0 });
  const after = lstm.getWeights().map((w) => Array.from(w.dataSync()));
  after.forEach((w, i) => assert.notDeepEqual(w, before[i], `weight ${lstm.weights[i].name} changed`));

  // Both call sites still compute the same function after training: the same sentence on both sides encodes alike.
  const encoders = tf.model({ inputs: model.inputs, outputs: lstm.inboundNodes.map((n) => n.outputTensors[0]) });
  const [leftCode, rightCode] = encoders.predict([l, l]) as tf.Tensor[];
  assert.deepEqual(Array.from(leftCode.dataSync()), Array.from(rightCode.dataSync()));
  tf.dispose([left, right, y as tf.Tensor, l, r, otherL, otherR, labels, leftCode, rightCode]);
  model.dispose();
});
