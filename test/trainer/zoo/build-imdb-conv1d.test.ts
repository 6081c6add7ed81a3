import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { buildImdbConv1d } from '../../../trainer/models/imdb-conv1d';

function layers(model: tf.LayersModel): [string, string, number][] {
  return model.layers.map((l) => [l.getClassName(), l.name, l.countParams()]);
}

test('buildImdbConv1d without architecture args is the lecture model: its layers, parameters and RMSprop', async () => {
  await tf.setBackend('cpu');
  const model = buildImdbConv1d({ maxFeatures: 2000, maxLen: 500 });
  assert.deepEqual(layers(model), [
    ['Embedding', 'embedding', 2000 * 128],
    ['Conv1D', 'conv1d', 7 * 128 * 32 + 32],
    ['MaxPooling1D', 'max_pooling1d', 0],
    ['Conv1D', 'conv1d_1', 7 * 32 * 32 + 32],
    ['GlobalMaxPooling1D', 'global_max_pooling1d', 0],
    ['Dense', 'dense', 33],
  ]);
  assert.equal(model.optimizer.getClassName(), 'RMSProp');
  model.dispose();
});

test('the architecture args set filters, window, embedding size, a Dropout layer and the optimizer', async () => {
  await tf.setBackend('cpu');
  const model = buildImdbConv1d({ maxFeatures: 100, maxLen: 40, convFilters: 8, kernelSize: 3, embeddingDim: 16, dropout: 0.25, optimizer: 'adam', learningRate: 0.01 });
  assert.deepEqual(layers(model), [
    ['Embedding', 'embedding', 100 * 16],
    ['Conv1D', 'conv1d', 3 * 16 * 8 + 8],
    ['MaxPooling1D', 'max_pooling1d', 0],
    ['Conv1D', 'conv1d_1', 3 * 8 * 8 + 8],
    ['GlobalMaxPooling1D', 'global_max_pooling1d', 0],
    ['Dropout', 'dropout', 0],
    ['Dense', 'dense', 9],
  ]);
  assert.equal((model.getLayer('dropout').getConfig() as { rate: number }).rate, 0.25);
  assert.equal(model.optimizer.getClassName(), 'Adam');
  model.dispose();
  const sgd = buildImdbConv1d({ maxFeatures: 100, maxLen: 40, kernelSize: 3, optimizer: 'sgd' });
  assert.equal(sgd.optimizer.getClassName(), 'SGD');
  sgd.dispose();
});

test('a window too wide for the reviews is refused with the length it needs', () => {
  assert.throws(() => buildImdbConv1d({ maxFeatures: 100, maxLen: 40, kernelSize: 9 }), /maxLen must be at least 53 for kernelSize 9, got 40/);
  assert.throws(() => buildImdbConv1d({ maxFeatures: 100, maxLen: 500, dropout: 1 }), /dropout must be in \[0, 1\), got 1/);
});
