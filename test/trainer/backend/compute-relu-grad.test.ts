import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { RELU_GRAD } from '../../../trainer/backend/kernels/relu-grad';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';
import { testOnOtherWasmThreads } from './on-wasm-threads';

// Relu's gradient through our kernel (on wasm) against tfjs's own on stock cpu.

/** A tail past the last v128, a rank 2 Dense output, and one large enough to split across threads. */
const SHAPES = [[7], [3, 5, 6, 7], [9, 20], [8, 20, 20, 24]];

function values(size: number, seed: number): Float32Array {
  // Exact zeros too: step(0) is 0.
  return randomFloats(rng(seed), size).map((v, i) => (i % 11 === 0 ? 0 : v));
}

test('the gradient of relu matches stock cpu', async () => {
  for (const shape of SHAPES) {
    const size = tf.util.sizeFromShape(shape);
    const [x, w] = [values(size, 1), values(size, 2)];
    await expectMatchesStock(`x ${shape}`, () => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.relu(t), tf.tensor(w, shape))))(tf.tensor(x, shape)), 0);
  }
});

test('on wasm the gradient runs our kernel, not Step and Multiply, and gives NaN for NaN', async () => {
  await selectBackend('wasm');
  const x = tf.tensor1d([NaN, -1, 0, 2, NaN, 3]);
  const profile = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.relu(t))(x));
  assert.ok(profile.kernelNames.includes(RELU_GRAD), profile.kernelNames.join(', '));
  assert.ok(!profile.kernelNames.includes('Step'), profile.kernelNames.join(', '));
  const dx = tf.grad((t: tf.Tensor) => tf.relu(t))(x);
  assert.deepEqual(Array.from(dx.dataSync()), [NaN, 0, 0, 1, NaN, 1]);
  tf.dispose([x, dx, profile.result as tf.Tensor]);
});

testOnOtherWasmThreads(__filename, 2);
