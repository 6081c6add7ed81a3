import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { assertBackendCanTrain } from '../../../trainer/backend/assert-backend-can-train';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { randomFloats, randomInts, rng } from './kernel-harness';
import { expectSameLossAndGrads } from './model-gradients';

// Two small functional models that between them use every layer of the Keras
// lecture, trained on wasm with Tensorlens's kernels and compared with stock cpu.

/** Conv2D, BatchNormalization, SeparableConv2D, Max/AveragePooling2D, GlobalMax/AveragePooling2D, concatenate, add, Dropout, Dense. */
function imageModel(dropout: number): tf.LayersModel {
  const input = tf.input({ shape: [9, 9, 3] });
  const conv = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(input) as tf.SymbolicTensor;
  const normed = tf.layers.batchNormalization().apply(conv) as tf.SymbolicTensor;
  const separable = tf.layers.separableConv2d({ filters: 5, kernelSize: 3, strides: 2, activation: 'relu' }).apply(normed) as tf.SymbolicTensor;
  const maxPooled = tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }).apply(separable) as tf.SymbolicTensor;
  const avgPooled = tf.layers.averagePooling2d({ poolSize: 3, strides: 2 }).apply(normed) as tf.SymbolicTensor;
  const merged = tf.layers.concatenate().apply([
    tf.layers.globalMaxPooling2d({}).apply(maxPooled) as tf.SymbolicTensor,
    tf.layers.globalAveragePooling2d({}).apply(avgPooled) as tf.SymbolicTensor,
  ]) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 4, activation: 'relu' }).apply(merged) as tf.SymbolicTensor;
  const summed = tf.layers.add().apply([dense, tf.layers.dense({ units: 4 }).apply(merged) as tf.SymbolicTensor]) as tf.SymbolicTensor;
  const dropped = tf.layers.dropout({ rate: dropout }).apply(summed) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(dropped) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

/** Embedding, Conv1D, MaxPooling1D, LSTM, GlobalMax/AveragePooling1D, add, concatenate, Dropout, Dense. */
function sequenceModel(dropout: number): tf.LayersModel {
  const input = tf.input({ shape: [14], dtype: 'int32' });
  const embedded = tf.layers.embedding({ inputDim: 30, outputDim: 6 }).apply(input) as tf.SymbolicTensor;
  const conv = tf.layers.conv1d({ filters: 4, kernelSize: 3, activation: 'relu' }).apply(embedded) as tf.SymbolicTensor;
  const pooled = tf.layers.maxPooling1d({ poolSize: 2 }).apply(conv) as tf.SymbolicTensor;
  const lstm = tf.layers.lstm({ units: 3 }).apply(pooled) as tf.SymbolicTensor;
  const summed = tf.layers.add().apply([
    tf.layers.globalMaxPooling1d({}).apply(conv) as tf.SymbolicTensor,
    tf.layers.globalAveragePooling1d({}).apply(conv) as tf.SymbolicTensor,
  ]) as tf.SymbolicTensor;
  const merged = tf.layers.concatenate().apply([lstm, summed]) as tf.SymbolicTensor;
  const dropped = tf.layers.dropout({ rate: dropout }).apply(merged) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(dropped) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

interface Case {
  label: string;
  build(dropout: number): tf.LayersModel;
  x(): tf.Tensor;
}

const BATCH = 4;
const CASES: Case[] = [
  { label: 'image layers', build: imageModel, x: () => tf.tensor4d(randomFloats(rng(1), BATCH * 9 * 9 * 3), [BATCH, 9, 9, 3]) },
  { label: 'sequence layers', build: sequenceModel, x: () => tf.tensor2d(randomInts(rng(2), BATCH * 14, 0, 30), [BATCH, 14], 'int32') },
];

function labels(): tf.Tensor {
  return tf.tensor2d([0, 1, 1, 0], [BATCH, 1]);
}

for (const c of CASES) {
  test(`${c.label}: gradients on wasm with Tensorlens kernels match stock cpu`, async () => {
    // Dropout at rate 0, so that both backends see the same function.
    await expectSameLossAndGrads(() => c.build(0), c.x, labels, () => selectBackend('wasm'));
  });

  test(`${c.label}: fit() with Dropout trains one step on wasm to a finite loss`, async () => {
    await selectBackend('wasm');
    const model = c.build(0.5);
    model.compile({ optimizer: tf.train.rmsprop(0.001), loss: 'binaryCrossentropy' });
    const [x, y] = [c.x(), labels()];
    assertBackendCanTrain(model, x, y);
    const history = await model.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0 });
    assert.ok(Number.isFinite(history.history.loss[0] as number), `loss ${history.history.loss}`);
    tf.dispose([x, y]);
    model.dispose();
  });
}
