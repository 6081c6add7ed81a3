import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { DENSE, DENSE_GRAD, DENSE_GRAD_INPUT } from '../../../trainer/backend/kernels/dense';
import { CATEGORICAL_CROSSENTROPY, CATEGORICAL_CROSSENTROPY_GRAD } from '../../../trainer/backend/kernels/categorical-crossentropy';
import { CATEGORICAL_ACCURACY } from '../../../trainer/backend/kernels/categorical-accuracy';
import { SOFTMAX_GRAD } from '../../../trainer/backend/kernels/softmax-grad';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { buildMlpFunctional } from '../../../trainer/models/mlp-functional';
import { buildMlpSequential } from '../../../trainer/models/mlp-sequential';
import { activate, assertClose, expectMatchesStock, randomFloats, rng, type Variant } from './kernel-harness';
import { testOnOtherWasmThreads } from './on-wasm-threads';

// tf.layers.dense, the 'categoricalCrossentropy' loss, the 'acc' metric and Softmax's gradient through the fused kernels (on wasm)
// against tfjs-layers' own ops on stock cpu: outputs, gradients, and whole training steps.

interface DenseCase { label: string; shape: [number, number]; units: number; activation: string; useBias?: boolean }

const DENSE_CASES: DenseCase[] = [
  { label: 'relu', shape: [9, 7], units: 5, activation: 'relu' },
  { label: 'linear, no bias', shape: [4, 6], units: 3, activation: 'linear', useBias: false },
  { label: 'softmax after the fused product', shape: [8, 5], units: 4, activation: 'softmax' },
  { label: 'tanh after the fused product; row and column tails', shape: [33, 40], units: 17, activation: 'tanh' },
  { label: 'relu, large enough to split the rows between threads', shape: [130, 100], units: 37, activation: 'relu' },
  { label: 'an empty batch', shape: [0, 6], units: 3, activation: 'relu' },
];

const seeded = (seed: number) => tf.initializers.randomUniform({ minval: -0.7, maxval: 0.7, seed });

/** y, then the gradients of sum(y * w) with respect to x and each of the layer's weights. */
function denseStep(c: DenseCase): tf.Tensor[] {
  const layer = tf.layers.dense({
    units: c.units, activation: c.activation as 'relu', useBias: c.useBias ?? true,
    kernelInitializer: seeded(1), biasInitializer: seeded(2),
  });
  const x = tf.variable(tf.tensor2d(randomFloats(rng(3), c.shape[0] * c.shape[1]), c.shape));
  const w = tf.tensor2d(randomFloats(rng(4), c.shape[0] * c.units), [c.shape[0], c.units]);
  const y = layer.apply(x) as tf.Tensor;
  const weights = layer.trainableWeights.map((v) => v.read() as tf.Variable);
  const { grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, w)) as tf.Scalar, [x, ...weights]);
  const out = [y, grads[x.name], ...weights.map((v) => grads[v.name])];
  x.dispose();
  layer.dispose();
  return out;
}

test('Dense outputs and gradients match tfjs-layers on stock cpu', async () => {
  for (const c of DENSE_CASES) await expectMatchesStock(`dense ${c.label}: x ${c.shape} -> ${c.units}`, () => denseStep(c), 1e-5);
});

test('Softmax\'s gradient matches stock cpu, on a rank-3 input', async () => {
  await expectMatchesStock('softmax gradient [3, 4, 7]', () => {
    const x = tf.tensor3d(randomFloats(rng(5), 84), [3, 4, 7]);
    const w = tf.tensor3d(randomFloats(rng(6), 84), [3, 4, 7]);
    return [tf.softmax(x), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.softmax(t), w)))(x)];
  }, 1e-5);
});

/** The loss per row, its mean's gradient with respect to the probabilities, through a compiled model's loss. */
function lossStep(probabilities: number[][], targets: number[][]): tf.Tensor[] {
  const input = tf.input({ shape: [1] });
  const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: targets[0].length }).apply(input) as tf.SymbolicTensor });
  model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
  const loss = (model as unknown as { lossFunctions: Array<(t: tf.Tensor, p: tf.Tensor) => tf.Tensor> }).lossFunctions[0];
  const p = tf.variable(tf.tensor2d(probabilities));
  const t = tf.tensor2d(targets);
  const perRow = loss(t, p);
  const { grads } = tf.variableGrads(() => tf.mean(loss(t, p)) as tf.Scalar, [p]);
  const out = [perRow, grads[p.name]];
  p.dispose();
  model.dispose();
  return out;
}

test('the categoricalCrossentropy loss and its gradient match tfjs-layers on stock cpu, clipped entries included', async () => {
  const probabilities = [[0.7, 0.2, 0.1], [0, 0.5, 0.5], [1, 0, 0], [0.3, 0.3, 0.6], [2, 1, 1]];
  const targets = [[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0.5, 0.5], [0, 0, 1]];
  await expectMatchesStock('categoricalCrossentropy', () => lossStep(probabilities, targets), 1e-5);
});

test('targets of another shape than the probabilities broadcast as in tfjs-layers', async () => {
  await expectMatchesStock('categoricalCrossentropy, targets [4, 1]', () => lossStep([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.3, 0.3, 0.4], [0.2, 0.2, 0.6]], [[1], [0], [1], [0.5]]), 1e-5);
});

/** The compiled 'acc' metric of a model with `units` outputs, on the given targets and predictions. */
function accuracy(units: number, loss: string, targets: number[][], predictions: number[][]): tf.Tensor {
  const input = tf.input({ shape: [1] });
  const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units }).apply(input) as tf.SymbolicTensor });
  model.compile({ optimizer: 'sgd', loss, metrics: ['acc'] });
  const [[metric]] = (model as unknown as { metricsTensors: Array<[(t: tf.Tensor, p: tf.Tensor) => tf.Tensor, number]> }).metricsTensors;
  const out = metric(tf.tensor2d(targets), tf.tensor2d(predictions));
  model.dispose();
  return out;
}

test('the categorical accuracy metric matches tfjs-layers on stock cpu, ties to the first class included', async () => {
  const targets = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0], [0.2, 0.5, 0.3]];
  const predictions = [[0.1, 0.8, 0.1], [0.4, 0.4, 0.2], [0.5, 0.2, 0.3], [0.3, 0.3, 0.3], [0.1, 0.6, 0.3]];
  await expectMatchesStock('categorical accuracy', () => accuracy(3, 'categoricalCrossentropy', targets, predictions), 0);
});

test('a one-unit output keeps tfjs-layers\' binary accuracy', async () => {
  await selectBackend('wasm');
  const profile = await tf.profile(() => tf.tidy(() => accuracy(1, 'categoricalCrossentropy', [[1], [0]], [[0.7], [0.6]])));
  assert.ok(!profile.kernelNames.includes(CATEGORICAL_ACCURACY), profile.kernelNames.join(', '));
});

test('on wasm a training step runs the fused kernels in place of tfjs\'s matMul, add, relu and loss ops', async () => {
  await selectBackend('wasm');
  const model = buildMlpSequential({ inputDim: 6, classes: 3 });
  const [x, y] = [tf.randomNormal([8, 6]), tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3)];
  const profile = await tf.profile(async () => void (await model.trainOnBatch(x, y)));
  for (const name of [DENSE, DENSE_GRAD, DENSE_GRAD_INPUT, CATEGORICAL_CROSSENTROPY, CATEGORICAL_CROSSENTROPY_GRAD, SOFTMAX_GRAD, CATEGORICAL_ACCURACY]) {
    assert.ok(profile.kernelNames.includes(name), `${name} in ${profile.kernelNames.join(', ')}`);
  }
  for (const name of [tf.BatchMatMul, tf.Relu, tf.ClipByValue, tf.Log, tf.Sub, tf.ArgMax]) assert.ok(!profile.kernelNames.includes(name), `${name} ran`);
  // The first layer's input is data: its gradient is not computed.
  assert.equal(profile.kernels.filter((k) => k.name === DENSE_GRAD_INPUT).length, 2);
  tf.dispose([x, y]);
  model.dispose();
});

type Build = (args: { inputDim: number; classes: number; learningRate: number }) => tf.LayersModel;

/** The zoo MLPs (fused RMSprop) and a functional one with tfjs's RMSprop with momentum. */
const MODELS: Array<[string, Build]> = [
  ['mlp-sequential', buildMlpSequential],
  ['mlp-functional', buildMlpFunctional],
  ['tf.train.rmsprop with momentum', (args) => {
    const model = buildMlpFunctional(args);
    model.compile({ optimizer: tf.train.rmsprop(args.learningRate, 0.8, 0.5), loss: 'categoricalCrossentropy', metrics: ['acc'] });
    return model;
  }],
];

/** Weights after 6 trainOnBatch steps from seeded weights, and the metrics of the last; no step leaks a tensor. */
async function trained(variant: Variant, build: Build): Promise<Array<{ shape: number[]; dtype: tf.DataType; values: number[] }>> {
  await activate(variant);
  const model = build({ inputDim: 10, classes: 4, learningRate: 0.01 });
  const rand = rng(30);
  model.setWeights(model.getWeights().map((w) => tf.tidy(() => tf.tensor(randomFloats(rand, w.size), w.shape))));
  const x = tf.tensor2d(randomFloats(rng(31), 16 * 10), [16, 10]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from({ length: 16 }, (_, i) => (i * 7) % 4), 'int32'), 4));
  let metrics = await model.trainOnBatch(x, y);
  const after = tf.memory().numTensors;
  for (let s = 1; s < 6; s++) metrics = await model.trainOnBatch(x, y);
  assert.equal(tf.memory().numTensors, after, `${variant}: a step leaked tensors`);
  const results = model.getWeights().map((t) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) }));
  results.push({ shape: [2], dtype: 'float32', values: metrics as number[] });
  tf.dispose([x, y]);
  model.dispose();
  return results;
}

test('trainOnBatch steps give the weights, loss and accuracy of tfjs-layers on stock cpu', async () => {
  for (const [label, build] of MODELS) {
    const expected = await trained('stock cpu', build);
    assertClose(await trained('ours on wasm', build), expected, 1e-5, label);
  }
});

testOnOtherWasmThreads(__filename, 8);
