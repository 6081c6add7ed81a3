import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { assertBackendCanTrain } from '../../../trainer/backend/assert-backend-can-train';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { buildImdbConv1d } from '../../../trainer/models/imdb-conv1d';

test('fit() with a validation split on wasm holds the same number of tensors at every epoch end', async () => {
  await selectBackend('wasm');
  const model = buildImdbConv1d({ maxFeatures: 300, maxLen: 50 });
  const x = tf.randomUniformInt([40, 50], 0, 300);
  const y = tf.randomUniformInt([40, 1], 0, 2).toFloat();
  assertBackendCanTrain(model, x, y);
  const tensorsAtEpochEnd: number[] = [];
  const validationLosses: number[] = [];
  await model.fit(x, y, {
    epochs: 3,
    batchSize: 16, // 32 training rows: two batches per epoch, and 8 for validation
    validationSplit: 0.2,
    callbacks: {
      onEpochEnd: async (_epoch, logs) => {
        validationLosses.push(logs!.val_loss);
        tensorsAtEpochEnd.push(tf.memory().numTensors);
      },
    },
  });
  assert.ok(validationLosses.every(Number.isFinite), `val_loss ${validationLosses}`);
  assert.equal(tensorsAtEpochEnd.length, 3);
  assert.equal(new Set(tensorsAtEpochEnd).size, 1, `tensor count changed between epochs: ${tensorsAtEpochEnd}`);
  tf.dispose([x, y]);
  model.dispose();
});
