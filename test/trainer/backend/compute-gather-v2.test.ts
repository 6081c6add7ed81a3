import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, expectSameError, randomFloats, randomInts, rng } from './kernel-harness';

interface Case {
  label: string;
  shape: number[];
  indicesShape: number[];
  axis: number;
  batchDims?: number;
  dtype?: 'float32' | 'int32' | 'bool';
}

const CASES: Case[] = [
  { label: 'rows with repeats', shape: [5, 4], indicesShape: [7], axis: 0 },
  { label: 'embedding lookup', shape: [50, 128], indicesShape: [2, 30], axis: 0 },
  { label: 'middle axis, rank-2 indices', shape: [2, 7, 3], indicesShape: [4, 2], axis: 1 },
  { label: 'last axis (1-element slices)', shape: [3, 5, 20], indicesShape: [6], axis: 2 },
  { label: 'negative axis', shape: [4, 6, 32], indicesShape: [10], axis: -2 },
  { label: 'batchDims 1', shape: [3, 5, 2], indicesShape: [3, 4], axis: 1, batchDims: 1 },
  { label: 'one index', shape: [1, 1], indicesShape: [1], axis: 0 },
  { label: 'int32 values', shape: [6, 3], indicesShape: [5], axis: 0, dtype: 'int32' },
  { label: 'bool values', shape: [6, 3], indicesShape: [5], axis: 1, dtype: 'bool' },
];

function params(c: Case): tf.Tensor {
  const size = tf.util.sizeFromShape(c.shape);
  if (c.dtype === 'int32') return tf.tensor(randomInts(rng(1), size, -9, 9), c.shape, 'int32');
  if (c.dtype === 'bool') return tf.tensor(randomInts(rng(1), size, 0, 2), c.shape, 'bool');
  return tf.tensor(randomFloats(rng(1), size), c.shape);
}

function indices(c: Case): tf.Tensor {
  const axis = c.axis < 0 ? c.axis + c.shape.length : c.axis;
  return tf.tensor(randomInts(rng(2), tf.util.sizeFromShape(c.indicesShape), 0, c.shape[axis]), c.indicesShape, 'int32');
}

test('GatherV2 output matches stock cpu', async () => {
  for (const c of CASES) {
    await expectMatchesStock(c.label, () => tf.gather(params(c), indices(c), c.axis, c.batchDims), 0);
  }
});

test('GatherV2 gradient (through tf.grad of gather) matches stock cpu', async () => {
  for (const c of CASES.filter((k) => k.dtype === undefined)) {
    await expectMatchesStock(c.label, () => {
      const idx = indices(c);
      const gathered = (p: tf.Tensor) => tf.gather(p, idx, c.axis, c.batchDims);
      const outShape = gathered(params(c)).shape;
      const dy = tf.tensor(randomFloats(rng(3), tf.util.sizeFromShape(outShape)), outShape);
      return tf.grad(gathered)(params(c), dy);
    });
  }
});

test('an index out of range fails as in stock cpu', async () => {
  await expectSameError('index 5 of 3 rows', () => tf.gather(tf.ones([3, 2]), tf.tensor1d([0, 5], 'int32')));
  await expectSameError('negative index', () => tf.gather(tf.ones([3, 2]), tf.tensor1d([-1], 'int32')));
});
