import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { registerTrainingKernels } from '../../../trainer/backend/register-kernels';
import { TAP_SUM } from '../../../trainer/backend/kernels/tap-sum';
import { expectMatchesStock, randomFloats, randomInts, rng } from './kernel-harness';

// This file runs on threaded wasm (2 threads) and, from the last test, once more in a child
// process on the single-threaded build: the build is fixed once per process.
process.env.TENSORLENS_WASM_THREADS ??= '2';
const CHILD = 'TENSORLENS_EMBEDDING_CONV_CHILD';

interface FusionCase {
  vocab: number; dim: number; batch: number; seqLen: number;
  taps: number; filters: number; stride: number; padding: 'valid' | 'same'; useBias: boolean;
}

const CASES: FusionCase[] = [
  { vocab: 5, dim: 4, batch: 3, seqLen: 20, taps: 3, filters: 6, stride: 1, padding: 'valid', useBias: true },
  { vocab: 13, dim: 7, batch: 3, seqLen: 20, taps: 4, filters: 5, stride: 2, padding: 'valid', useBias: false },
  { vocab: 27, dim: 8, batch: 3, seqLen: 19, taps: 4, filters: 8, stride: 1, padding: 'same', useBias: true },
  { vocab: 11, dim: 5, batch: 4, seqLen: 17, taps: 5, filters: 3, stride: 2, padding: 'same', useBias: true },
  { vocab: 1, dim: 3, batch: 2, seqLen: 6, taps: 6, filters: 4, stride: 1, padding: 'valid', useBias: true },
  // Big enough for the SIMD kernels to split across threads.
  { vocab: 300, dim: 16, batch: 8, seqLen: 200, taps: 5, filters: 40, stride: 1, padding: 'same', useBias: true },
];

function label(c: FusionCase): string {
  return `vocab ${c.vocab}, dim ${c.dim}, ids [${c.batch}, ${c.seqLen}], ${c.taps} taps → ${c.filters}, stride ${c.stride}, ${c.padding}${c.useBias ? '' : ', no bias'}`;
}

/** The Conv1D's output on the Embedding's and the gradients of a weighted sum of it for the table, kernel and bias. */
function outputAndGradients(c: FusionCase): tf.Tensor[] {
  const embedding = tf.layers.embedding({ inputDim: c.vocab, outputDim: c.dim });
  const conv = tf.layers.conv1d({ filters: c.filters, kernelSize: c.taps, strides: c.stride, padding: c.padding, useBias: c.useBias, activation: 'relu' });
  // Float ids, as a Keras model's input is: the Embedding casts them.
  const ids = tf.tensor2d(randomInts(rng(1), c.batch * c.seqLen, 0, c.vocab), [c.batch, c.seqLen], 'float32');
  const forward = () => conv.apply(embedding.apply(ids)) as tf.Tensor;
  forward();
  for (const [k, layer] of [embedding, conv].entries()) {
    layer.setWeights(layer.getWeights().map((w, j) => tf.tensor(randomFloats(rng(10 * k + j + 2), w.size), w.shape)));
  }
  const weights = [...embedding.trainableWeights, ...conv.trainableWeights].map((w) => w.read() as tf.Variable);
  const output = forward();
  const outputWeights = tf.tensor(randomFloats(rng(3), output.size), output.shape);
  const { value, grads } = tf.variableGrads(() => forward().mul(outputWeights).sum() as tf.Scalar, weights);
  const result = [output, value, ...weights.map((w) => grads[w.name])];
  embedding.dispose();
  conv.dispose();
  return result;
}

/** Whether an Embedding->Conv1D of this case runs fused on the active backend. */
async function runsFused(c: FusionCase): Promise<boolean> {
  const profile = await tf.profile(() => tf.dispose(outputAndGradients(c)));
  return profile.kernels.some((k) => k.name === TAP_SUM);
}

test('wasm runs with the threads this file asks for', async () => {
  assert.equal((await selectBackend('wasm')).threads, Number(process.env.TENSORLENS_WASM_THREADS));
});

for (const c of CASES) {
  test(`Embedding->Conv1D ${label(c)}: fused output and gradients (cpu, wasm) match stock cpu's unfused`, async () => {
    await expectMatchesStock(label(c), () => outputAndGradients(c), 1e-5);
    await selectBackend('wasm');
    assert.ok(await runsFused(c), 'not fused on wasm');
    registerTrainingKernels('cpu');
    await tf.setBackend('cpu');
    assert.ok(await runsFused(c), 'not fused on cpu');
  });
}

test('the fusion is skipped where it would cost more: a vocabulary above half the output positions, dilation', async () => {
  await selectBackend('wasm');
  const wide = { ...CASES[0], vocab: 28 }; // 3 rows of 18 output positions
  assert.equal(await runsFused(wide), false);
  await expectMatchesStock('vocab 28', () => outputAndGradients(wide), 1e-5);
  const dilated = tf.tidy(() => {
    const embedding = tf.layers.embedding({ inputDim: 3, outputDim: 2 });
    const conv = tf.layers.conv1d({ filters: 2, kernelSize: 2, dilationRate: 2 });
    return conv.apply(embedding.apply(tf.zeros([4, 30]))) as tf.Tensor;
  });
  assert.deepEqual(dilated.shape, [4, 28, 2]);
  dilated.dispose();
});

test("the Embedding's output stays what it is when something besides the Conv1D reads it", async () => {
  await selectBackend('wasm');
  const input = tf.input({ shape: [12] });
  const embedded = tf.layers.embedding({ inputDim: 4, outputDim: 3, embeddingsInitializer: 'ones' }).apply(input) as tf.SymbolicTensor;
  const convolved = tf.layers.conv1d({ filters: 2, kernelSize: 3, kernelInitializer: 'ones' }).apply(embedded) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: [embedded, convolved] });
  const [e, y] = model.predict(tf.zeros([20, 12])) as tf.Tensor[];
  assert.deepEqual([...new Set(e.dataSync())], [1]);
  assert.deepEqual([...new Set(y.dataSync())], [9]);
  tf.dispose([e, y]);
  model.dispose();
});

test('an Embedding output held while its table changes is convolved as it was computed, not fused from the new table', async () => {
  await selectBackend('wasm');
  const embedding = tf.layers.embedding({ inputDim: 2, outputDim: 3, embeddingsInitializer: 'ones' });
  const conv = tf.layers.conv1d({ filters: 1, kernelSize: 2, kernelInitializer: 'ones', useBias: false });
  const ids = tf.zeros([10, 8]);
  const embedded = embedding.apply(ids) as tf.Tensor;
  embedding.setWeights([tf.fill([2, 3], 5)]);
  const y = conv.apply(embedded) as tf.Tensor;
  assert.deepEqual([...new Set(y.dataSync())], [6]);
  tf.dispose([ids, embedded, y]);
  embedding.dispose();
  conv.dispose();
});

/** A small Embedding->Conv1D classifier trained three steps; its weights after. */
async function trainedWeights(): Promise<number[][]> {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: 20, outputDim: 8, inputLength: 30, embeddingsInitializer: tf.initializers.randomUniform({ seed: 1 }) }));
  model.add(tf.layers.conv1d({ filters: 6, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  model.add(tf.layers.globalMaxPooling1d());
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
  const optimizer = tf.train.rmsprop(0.01);
  model.compile({ optimizer, loss: 'binaryCrossentropy' });
  const xs = tf.tensor2d(randomInts(rng(4), 8 * 30, 0, 20), [8, 30], 'float32');
  const ys = tf.tensor2d(Array.from({ length: 8 }, (_, i) => i % 2), [8, 1]);
  for (let step = 0; step < 3; step++) await model.trainOnBatch(xs, ys);
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  tf.dispose([xs, ys]);
  model.dispose();
  optimizer.dispose();
  return weights;
}

test('a model with Embedding->Conv1D trained a few steps fused ends with the weights it has unfused', async () => {
  await selectBackend('wasm');
  const tensorsBefore = tf.memory().numTensors;
  const fused = await trainedWeights();
  assert.equal(tf.memory().numTensors, tensorsBefore, 'tensors leaked');
  process.env.TENSORLENS_FUSE_EMBEDDING_CONV = '0';
  const unfused = await trainedWeights();
  delete process.env.TENSORLENS_FUSE_EMBEDDING_CONV;
  unfused.forEach((expected, i) => {
    const scale = Math.max(...expected.map(Math.abs));
    const maxDiff = Math.max(...expected.map((v, j) => Math.abs(v - fused[i][j])));
    assert.ok(maxDiff <= 1e-4 * scale, `weight ${i} differs by ${maxDiff} (scale ${scale})`);
  });
});

test('the same on the single-threaded wasm build', { skip: process.env[CHILD] === '1' && 'in the child' }, () => {
  // Without the runner's NODE_TEST_CONTEXT the child runs its tests itself and reports them here.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--test', __filename], {
    encoding: 'utf8', timeout: 300_000, env: { ...env, TENSORLENS_WASM_THREADS: '1', [CHILD]: '1' },
  });
  assert.equal(child.status, 0, `${child.stdout}\n${child.stderr}`);
  assert.match(child.stdout, /# pass 11\n/);
});
