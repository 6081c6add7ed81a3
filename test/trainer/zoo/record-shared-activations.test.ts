import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { HistogramBinner } from '../../../lib/kinds/histogram/histogram-binner';
import { activationProbe, weightValues } from '../../../trainer/callbacks/record-histograms';
import { buildSharedVision } from '../../../trainer/models/shared-vision';
import { buildSiameseLstm } from '../../../trainer/models/siamese-lstm';

test('a shared layer gets one activation histogram per call, from the probe given as a list or by name', async () => {
  await tf.setBackend('cpu');
  const model = buildSiameseLstm({ vocabularySize: 30, sentenceLength: 6, units: 5 });
  const left = tf.tensor2d([[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]], [2, 6], 'int32');
  const right = tf.tensor2d([[7, 8, 9, 10, 11, 12], [0, 0, 0, 0, 0, 13]], [2, 6], 'int32');
  const record = activationProbe(model);
  const before = tf.memory().numTensors;
  const fromList = record([left, right]);
  const fromNames = record({ right, left });
  assert.equal(tf.memory().numTensors, before, 'recording leaks no tensor');

  assert.deepEqual(Object.keys(fromList).sort(), [
    'activations/compare',
    'activations/concatenate',
    'activations/shared_embedding/call_0',
    'activations/shared_embedding/call_1',
    'activations/shared_lstm/call_0',
    'activations/shared_lstm/call_1',
    'activations/similar',
  ]);
  assert.deepEqual(fromNames, fromList, 'a map is read in the model\'s input order');
  assert.equal(fromList['activations/shared_lstm/call_0'].length, 2 * 5, 'one value per probe row and unit');
  assert.notDeepEqual(fromList['activations/shared_lstm/call_0'], fromList['activations/shared_lstm/call_1'], 'each call sees its own input');
  assert.deepEqual(Object.keys(weightValues(model)).filter((t) => t.includes('lstm')).sort(), [
    'weights/shared_lstm/bias',
    'weights/shared_lstm/kernel',
    'weights/shared_lstm/recurrent_kernel',
  ], 'the shared weights are recorded once');
  tf.dispose([left, right]);
  model.dispose();
});

test('a nested model used as a layer gets its output per call and all its weights', async () => {
  await tf.setBackend('cpu');
  const model = buildSharedVision({ imageSize: 8, filters: 2 });
  const left = tf.randomUniform([3, 8, 8, 3]);
  const right = tf.randomUniform([3, 8, 8, 3]);
  const activations = activationProbe(model)([left, right]);
  assert.deepEqual(Object.keys(activations).sort(), [
    'activations/compare',
    'activations/concatenate',
    'activations/same',
    'activations/vision_base/call_0',
    'activations/vision_base/call_1',
  ]);
  assert.equal(activations['activations/vision_base/call_1'].length, 3 * 4, 'rows × the base\'s 2·filters features');
  const weights = Object.keys(weightValues(model));
  for (const tag of ['weights/base_conv2d/kernel', 'weights/base_conv2d_1/bias', 'weights/compare/kernel']) assert.ok(weights.includes(tag), `${tag} in ${weights}`);
  tf.dispose([left, right]);
  model.dispose();
});

test('what is recorded can be handed to the binner: on cpu the weights and the probe keep their data', async (t) => {
  await tf.setBackend('cpu');
  const binner = new HistogramBinner();
  t.after(() => binner.close());
  // A Dropout right on the input passes the probe's own tensor through at inference.
  const input = tf.input({ shape: [4] });
  const dense = tf.layers.dense({ units: 3 }).apply(tf.layers.dropout({ rate: 0.5 }).apply(input)) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: dense });
  const probe = tf.tensor2d([[1, 2, 3, 4]]);
  const kernel = model.layers[2].getWeights()[0].dataSync().slice();
  const histograms = await binner.bin({ ...weightValues(model), ...activationProbe(model)(probe) });
  assert.ok(Object.keys(histograms).includes('activations/' + model.layers[1].name));
  assert.deepEqual(model.layers[2].getWeights()[0].dataSync(), kernel, 'the kernel kept its values');
  assert.deepEqual(Array.from(probe.dataSync()), [1, 2, 3, 4], 'the probe kept its values');
  probe.dispose();
  model.dispose();
});
