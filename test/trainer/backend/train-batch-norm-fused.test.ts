import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { BATCH_NORM_TRAINING, BATCH_NORM_TRAINING_GRAD } from '../../../trainer/backend/kernels/batch-norm-training';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { activate, assertClose, expectMatchesStock, randomFloats, rng, type Variant } from './kernel-harness';
import { testOnOtherWasmThreads } from './on-wasm-threads';

// BatchNormalization in training mode through the fused kernels (on wasm) against tfjs-layers'
// own call on stock cpu: outputs, gradients, moving statistics, and whole fit steps.

interface Case { label: string; shape: number[]; momentum?: number; epsilon?: number }

const CASES: Case[] = [
  { label: 'odd channels (a v128 and a scalar tail)', shape: [3, 5, 6, 7] },
  { label: '36 channels (two 16-channel blocks and a v128), momentum 0.9, epsilon 0.01', shape: [2, 4, 3, 36], momentum: 0.9, epsilon: 0.01 },
  { label: 'rank 2, after a Dense', shape: [9, 20] },
  { label: 'rank 3', shape: [4, 11, 5] },
  { label: 'large enough to split the channels across threads', shape: [8, 20, 20, 24] },
];

const seeded = (seed: number, minval: number, maxval: number) => tf.initializers.randomUniform({ minval, maxval, seed });

function batchNorm(seed: number, args: { momentum?: number; epsilon?: number } = {}): tf.layers.Layer {
  return tf.layers.batchNormalization({
    ...args,
    gammaInitializer: seeded(seed, 0.5, 1.5),
    betaInitializer: seeded(seed + 1, -1, 1),
    movingMeanInitializer: seeded(seed + 2, -1, 1),
    movingVarianceInitializer: seeded(seed + 3, 0.5, 2),
  });
}

/** y, the gradients of sum(y * w) wrt x, gamma and beta, then the moving mean and variance (after three training calls). */
function layerStep(c: Case): tf.Tensor[] {
  const size = tf.util.sizeFromShape(c.shape);
  const layer = batchNorm(10, c);
  // An offset mean and a spread, so centering matters.
  const x = tf.variable(tf.add(tf.mul(tf.tensor(randomFloats(rng(1), size), c.shape), 3), 2));
  const w = tf.tensor(randomFloats(rng(2), size), c.shape);
  // Built by a first training call: an inference call would run tfjs-layers' own batchNorm.
  layer.apply(x, { training: true });
  const [gamma, beta] = layer.trainableWeights.map((v) => v.read() as tf.Variable);
  const { grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x, { training: true }) as tf.Tensor, w)) as tf.Scalar, [x, gamma, beta]);
  const y = layer.apply(x, { training: true }) as tf.Tensor;
  const [, , movingMean, movingVariance] = layer.getWeights().map((t) => t.clone());
  const out = [y, grads[x.name], grads[gamma.name], grads[beta.name], movingMean, movingVariance];
  x.dispose();
  layer.dispose();
  return out;
}

test('training-mode outputs, gradients and moving statistics match tfjs-layers on stock cpu', async () => {
  for (const c of CASES) await expectMatchesStock(`${c.label}: x ${c.shape}`, () => layerStep(c), 1e-5);
});

test('on wasm a training step runs the fused kernels, not tfjs-layers\' moments and batchNorm', async () => {
  await selectBackend('wasm');
  const profile = await tf.profile(() => tf.tidy(() => layerStep(CASES[0])));
  assert.ok(profile.kernelNames.includes(BATCH_NORM_TRAINING), profile.kernelNames.join(', '));
  assert.ok(profile.kernelNames.includes(BATCH_NORM_TRAINING_GRAD), profile.kernelNames.join(', '));
  assert.ok(!profile.kernelNames.includes('FusedBatchNorm'), profile.kernelNames.join(', '));
});

/** The zoo's pattern: SeparableConv2D then BatchNormalization, and one after a Dense. */
function model(): tf.LayersModel {
  const input = tf.input({ shape: [7, 6, 3] });
  let x = tf.layers.separableConv2d({
    filters: 5, kernelSize: 3, activation: 'relu', depthwiseInitializer: seeded(1, -0.5, 0.5), pointwiseInitializer: seeded(2, -0.5, 0.5),
  }).apply(input) as tf.SymbolicTensor;
  x = batchNorm(3, { momentum: 0.8 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ units: 6, activation: 'relu', kernelInitializer: seeded(7, -0.5, 0.5) }).apply(x) as tf.SymbolicTensor;
  x = batchNorm(8, { epsilon: 0.01 }).apply(x) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: seeded(12, -0.5, 0.5) }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

/** Every weight (moving statistics included) after two epochs of 3 batches, and the trained model's predictions. */
async function fitted(variant: Variant): Promise<Array<{ shape: number[]; dtype: tf.DataType; values: number[] }>> {
  await activate(variant);
  const before = tf.memory().numTensors;
  const net = model();
  const optimizer = tf.train.sgd(0.1);
  net.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const x = tf.tensor4d(randomFloats(rng(20), 24 * 7 * 6 * 3), [24, 7, 6, 3]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from({ length: 24 }, (_, i) => i % 3), 'int32'), 3));
  await net.fit(x, y, { batchSize: 8, epochs: 2, shuffle: false, verbose: 0 });
  const predicted = net.predict(x) as tf.Tensor;
  const results = [...net.getWeights(), predicted].map((t) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) }));
  tf.dispose([x, y, predicted]);
  net.dispose();
  optimizer.dispose();
  assert.equal(tf.memory().numTensors, before, `${variant}: tensors leaked`);
  return results;
}

test('fit steps give the weights and moving statistics of tfjs-layers on stock cpu', async () => {
  const expected = await fitted('stock cpu');
  assertClose(await fitted('ours on wasm'), expected, 1e-4, 'fit on wasm');
});

testOnOtherWasmThreads(__filename, 3);
