import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, randomInts, rng } from './kernel-harness';

interface Case {
  label: string;
  a: number[];
  b: number[];
  dtype?: 'float32' | 'int32';
}

const CASES: Case[] = [
  { label: 'max over the middle axis (GlobalMaxPooling1D)', a: [4, 9, 5], b: [4, 1, 5] },
  { label: 'scalar against a matrix', a: [], b: [3, 4] },
  { label: 'row against a matrix', a: [6, 7], b: [7] },
  { label: 'both broadcast', a: [3, 1, 4], b: [1, 5, 1] },
  { label: 'same shape', a: [2, 3], b: [2, 3] },
  { label: 'int32 broadcast', a: [5, 3], b: [5, 1], dtype: 'int32' },
  { label: 'empty', a: [0, 3], b: [1, 3] },
];

// Few distinct values, so that many pairs are equal.
function values(shape: number[], dtype: Case['dtype'], seed: number): tf.Tensor {
  const ints = randomInts(rng(seed), tf.util.sizeFromShape(shape), 0, 3);
  return dtype === 'int32' ? tf.tensor(ints, shape, 'int32') : tf.tensor(Float32Array.from(ints, (v) => v / 2), shape);
}

test('Equal with broadcasting matches stock cpu', async () => {
  for (const c of CASES) {
    await expectMatchesStock(c.label, () => tf.equal(values(c.a, c.dtype, 7), values(c.b, c.dtype, 8)), 0);
  }
  await expectMatchesStock('NaN equals nothing', () => tf.equal(tf.tensor([[NaN, 1], [2, NaN]]), tf.tensor([NaN, 1])), 0);
});

test('the gradient of a max over an axis matches stock cpu', async () => {
  await expectMatchesStock('max over axis 1', () => {
    const x = tf.tensor(randomFloats(rng(9), 4 * 9 * 5), [4, 9, 5]);
    return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.max(t, 1), tf.range(1, 21).reshape([4, 5]))))(x);
  });
});
