import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { collapsePermutation } from '../../../trainer/backend/kernels/transpose';
import { expectMatchesStock, randomFloats, randomInts, rng } from './kernel-harness';

interface Case {
  label: string;
  shape: number[];
  perm: number[];
  dtype?: 'float32' | 'int32' | 'bool';
}

const CASES: Case[] = [
  { label: 'matrix', shape: [37, 45], perm: [1, 0] },
  { label: 'batch axis last (the Conv1D filter gradient)', shape: [6, 1, 50, 40], perm: [3, 1, 2, 0] },
  { label: 'rows kept, batch moved', shape: [6, 1, 50, 40], perm: [1, 2, 0, 3] },
  { label: 'identity', shape: [3, 4, 5], perm: [0, 1, 2] },
  { label: 'identity once size-1 axes go', shape: [3, 1, 5], perm: [1, 0, 2] },
  { label: 'short rows kept', shape: [4, 3, 2], perm: [1, 0, 2] },
  { label: 'rank 5, last axis moved', shape: [2, 3, 4, 5, 6], perm: [4, 2, 0, 3, 1] },
  { label: 'rank 5, last axis kept', shape: [2, 3, 4, 5, 17], perm: [3, 0, 2, 1, 4] },
  { label: 'middle pair swapped', shape: [3, 33, 35, 2], perm: [0, 2, 1, 3] },
  { label: 'all ones', shape: [1, 1, 1], perm: [2, 0, 1] },
  { label: 'empty axis', shape: [3, 0, 2], perm: [2, 1, 0] },
  { label: 'int32', shape: [5, 7, 3], perm: [2, 0, 1], dtype: 'int32' },
  { label: 'bool', shape: [5, 7, 3], perm: [1, 2, 0], dtype: 'bool' },
];

function input(c: Case): tf.Tensor {
  const size = tf.util.sizeFromShape(c.shape);
  if (c.dtype === 'int32') return tf.tensor(randomInts(rng(4), size, -99, 99), c.shape, 'int32');
  if (c.dtype === 'bool') return tf.tensor(randomInts(rng(4), size, 0, 2), c.shape, 'bool');
  return tf.tensor(randomFloats(rng(4), size), c.shape);
}

test('axes of size 1 are dropped and axes that stay neighbours merged', () => {
  assert.deepEqual(collapsePermutation([6, 1, 50, 40], [3, 1, 2, 0]), { shape: [6, 50, 40], perm: [2, 1, 0] });
  assert.deepEqual(collapsePermutation([6, 1, 50, 40], [1, 2, 0, 3]), { shape: [6, 50, 40], perm: [1, 0, 2] });
  assert.deepEqual(collapsePermutation([2, 3, 4, 5], [2, 3, 0, 1]), { shape: [6, 20], perm: [1, 0] });
  assert.deepEqual(collapsePermutation([3, 1, 5], [1, 0, 2]), { shape: [15], perm: [0] });
});

test('Transpose matches stock cpu, values and gradient', async () => {
  for (const c of CASES) {
    await expectMatchesStock(c.label, () => tf.transpose(input(c), c.perm), 0);
  }
  for (const c of CASES.filter((k) => k.dtype === undefined)) {
    await expectMatchesStock(`${c.label}, gradient`, () => {
      const dy = tf.tensor(randomFloats(rng(5), tf.util.sizeFromShape(c.shape)), c.perm.map((a) => c.shape[a]));
      return tf.grad((x: tf.Tensor) => tf.transpose(x, c.perm))(input(c), dy);
    }, 0);
  }
});

test('a clone shares its buffer on wasm and outlives the original', async () => {
  await expectMatchesStock('clone after the original is disposed', () => {
    const x = tf.tensor([1.5, -2, 3], [3]);
    const copy = tf.clone(x);
    x.dispose();
    return tf.add(copy, 1);
  }, 0);
  await expectMatchesStock('gradient through saved inputs', () => {
    const x = tf.tensor(randomFloats(rng(6), 24), [2, 3, 4]);
    return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.reshape(t, [6, 4]), tf.reshape(t, [6, 4]))))(x);
  });
});
