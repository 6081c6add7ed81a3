import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { assertBackendCanTrain } from '../../../trainer/backend/assert-backend-can-train';
import { registerTrainingKernels, unregisterTrainingKernels } from '../../../trainer/backend/register-kernels';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { buildImdbConv1d } from '../../../trainer/models/imdb-conv1d';

function reviews(count: number, maxLen: number): { x: tf.Tensor; y: tf.Tensor } {
  return { x: tf.randomUniformInt([count, maxLen], 0, 200), y: tf.randomUniformInt([count, 1], 0, 2).toFloat() };
}

test('on stock wasm the IMDB Conv1D fails the check before fit(), naming the kernel and the layer', async () => {
  await selectBackend('wasm');
  unregisterTrainingKernels('wasm');
  const model = buildImdbConv1d({ maxFeatures: 200, maxLen: 60 });
  const { x, y } = reviews(16, 60);
  const before = tf.memory().numTensors;
  try {
    assert.throws(() => assertBackendCanTrain(model, x, y), (e: Error) => {
      assert.match(e.message, /^backend wasm has no kernel UnsortedSegmentSum needed by layer embedding \(Embedding\)/);
      assert.match(e.message, /no kernel Conv2DBackpropFilter needed by layer conv1d \(Conv1D\)/);
      assert.match(e.message, /no kernel Conv2DBackpropFilter needed by layer conv1d_1 \(Conv1D\)/);
      assert.doesNotMatch(e.message, /layer dense/);
      return true;
    });
    assert.equal(tf.memory().numTensors, before, 'the failed check leaked tensors');
  } finally {
    registerTrainingKernels('wasm');
  }
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  assertBackendCanTrain(model, x, y);
  assert.equal(tf.memory().numTensors, before, 'the check leaked tensors');
  assert.deepEqual(model.getWeights().map((w) => Array.from(w.dataSync())), weights, 'the check changed weights');
  tf.dispose([x, y]);
  model.dispose();
});
