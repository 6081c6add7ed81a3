import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { randomFloats, rng } from './kernel-harness';
import { expectSameLossAndGrads, loadWeights, saveWeights } from './model-gradients';

// Keras convolution layers with strides longer than their kernels and 'same'
// padding: on stock wasm each of them gave all-zero outputs (see
// trainer/backend/kernels/explicit-same-padding.ts), so the model trained on
// the biases alone.

const SHAPE: [number, number, number] = [6, 9, 2];
const BATCH = 8;

/** Conv2D, SeparableConv2D and DepthwiseConv2D side by side, each with a window short of the input's end. */
function stridedModel(): tf.LayersModel {
  const input = tf.input({ shape: SHAPE });
  const branches = [
    tf.layers.conv2d({ filters: 3, kernelSize: 2, strides: [1, 3], padding: 'same', activation: 'relu' }),
    tf.layers.separableConv2d({ filters: 4, kernelSize: 2, strides: [3, 2], padding: 'same', depthMultiplier: 2 }),
    tf.layers.depthwiseConv2d({ kernelSize: [2, 2], strides: [1, 3], padding: 'same', depthMultiplier: 2 }),
  ].map((layer) => tf.layers.flatten().apply(layer.apply(input)) as tf.SymbolicTensor);
  const merged = tf.layers.concatenate().apply(branches) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(merged) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

const xValues = randomFloats(rng(11), BATCH * SHAPE[0] * SHAPE[1] * SHAPE[2]);
const images = () => tf.tensor4d(xValues, [BATCH, ...SHAPE]);
/** Learnable: whether the image's last column sums above zero, which only a window reaching it can see. */
const labels = () => tf.tidy(() =>
  images().slice([0, 0, SHAPE[1] - 1, 0], [BATCH, SHAPE[0], 1, SHAPE[2]]).sum([1, 2, 3]).greater(0).toFloat().reshape([BATCH, 1]));

test('Conv2D, SeparableConv2D and DepthwiseConv2D layers with strides [1, 3] / [3, 2] and same padding: outputs and gradients on the default backend match stock cpu', async () => {
  const before = tf.memory().numTensors;
  await expectSameLossAndGrads(stridedModel, images, labels, () => selectBackend());
  assert.equal(tf.memory().numTensors, before, 'tensors left behind');
});

/** Per-epoch losses of fit() from the given weights, and the tensor count at each epoch end. */
async function fitLosses(weights?: ReturnType<typeof saveWeights>): Promise<{ losses: number[]; tensors: number[]; weights: ReturnType<typeof saveWeights> }> {
  const model = stridedModel();
  if (weights) loadWeights(model, weights);
  const initial = saveWeights(model);
  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'binaryCrossentropy' });
  const [x, y] = [images(), labels()];
  const losses: number[] = [];
  const tensors: number[] = [];
  await model.fit(x, y, {
    epochs: 6, batchSize: BATCH / 2, shuffle: false, verbose: 0,
    callbacks: { onEpochEnd: async (_epoch, logs) => void (losses.push(logs!.loss), tensors.push(tf.memory().numTensors)) },
  });
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose(); // the model only disposes optimizers it made from a name
  return { losses, tensors, weights: initial };
}

test('a model of strided same convolutions trains on the default backend along stock cpu\'s loss trajectory, leaving no tensors', async () => {
  const before = tf.memory().numTensors;
  await tf.setBackend('cpu');
  const cpu = await fitLosses();
  const backend = await selectBackend();
  const ours = await fitLosses(cpu.weights);
  assert.ok(cpu.losses[cpu.losses.length - 1] < cpu.losses[0], `cpu loss should fall: ${cpu.losses}`);
  cpu.losses.forEach((expected, epoch) => {
    assert.ok(Math.abs(ours.losses[epoch] - expected) <= 1e-4 * Math.max(1, expected),
      `${backend.name}: epoch ${epoch} loss ${ours.losses[epoch]}, stock cpu ${expected} (${ours.losses} vs ${cpu.losses})`);
  });
  assert.equal(new Set(ours.tensors).size, 1, `${backend.name}: tensor count changed between epochs: ${ours.tensors}`);
  assert.equal(tf.memory().numTensors, before, `${backend.name}: tensors left behind`);
});
