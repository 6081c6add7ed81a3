import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { assertClose, expectMatchesStock, randomFloats, randomInt, randomInts, rng, runOn } from './kernel-harness';

interface Case {
  label: string;
  xShape: number[];
  ids: number[];
  numSegments: number;
  dtype?: 'float32' | 'int32';
}

const rand = rng(20240501);
const CASES: Case[] = [
  { label: 'repeats and empty segments', xShape: [6, 3], ids: [0, 0, 2, 2, 2, 5], numSegments: 7 },
  { label: 'one row', xShape: [1, 4], ids: [3], numSegments: 5 },
  { label: 'scalar rows, ids outside [0, n) dropped', xShape: [9], ids: [-1, 0, 3, 4, 1, -2, 3, 3, 0], numSegments: 4 },
  { label: 'int32 values, rank-3 x', xShape: [7, 2, 3], ids: [1, 1, 0, 1, 4, 4, 1], numSegments: 6, dtype: 'int32' },
  { label: 'embedding-sized rows', xShape: [40, 128], ids: Array.from(randomInts(rand, 40, 0, 25)), numSegments: 25 },
];
for (let k = 0; k < 6; k++) {
  const rows = randomInt(rand, 1, 30);
  const numSegments = randomInt(rand, 1, 12);
  const inner = Array.from({ length: randomInt(rand, 0, 2) }, () => randomInt(rand, 1, 5));
  const ids = Array.from(randomInts(rand, rows, -1, numSegments + 1));
  CASES.push({ label: `random ${rows}x[${inner}] into ${numSegments}`, xShape: [rows, ...inner], ids, numSegments });
}

function values(c: Case, seed: number): Float32Array | Int32Array {
  const size = tf.util.sizeFromShape(c.xShape);
  return c.dtype === 'int32' ? randomInts(rng(seed), size, -50, 50) : randomFloats(rng(seed), size);
}

test('UnsortedSegmentSum output matches stock cpu', async () => {
  for (const c of CASES) {
    const x = values(c, 1);
    // Stock cpu upcasts int32 sums to float32; ours keeps x's dtype as TensorFlow
    // does (checked below), so the values are compared as float32.
    await expectMatchesStock(c.label, () =>
      tf.unsortedSegmentSum(tf.tensor(x, c.xShape, c.dtype), tf.tensor1d(c.ids, 'int32'), c.numSegments).toFloat());
  }
});

test('int32 sums stay int32, as in TensorFlow', async () => {
  for (const variant of ['ours on cpu', 'ours on wasm'] as const) {
    const [out] = await runOn(variant, () =>
      tf.unsortedSegmentSum(tf.tensor1d([2, 3, 4], 'int32'), tf.tensor1d([1, 1, 0], 'int32'), 3));
    assert.deepEqual(out, { shape: [3], dtype: 'int32', values: [4, 5, 0] }, variant);
  }
});

test('UnsortedSegmentSum gradient (through tf.grad of gather, as Embedding trains) matches stock cpu', async () => {
  for (const c of CASES.filter((k) => k.dtype !== 'int32')) {
    const ids = c.ids.map((id) => Math.min(Math.max(id, 0), c.numSegments - 1));
    const paramsShape = [c.numSegments, ...c.xShape.slice(1)];
    const params = randomFloats(rng(2), tf.util.sizeFromShape(paramsShape));
    const dy = values(c, 3);
    await expectMatchesStock(c.label, () => {
      const gatherRows = (p: tf.Tensor) => tf.gather(p, tf.tensor1d(ids, 'int32'));
      return tf.grad(gatherRows)(tf.tensor(params, paramsShape), tf.tensor(dy, c.xShape));
    });
  }
});

test('the gradient of UnsortedSegmentSum itself matches stock cpu', async () => {
  for (const c of CASES.filter((k) => k.dtype !== 'int32')) {
    // The stock gradient (a gather) rejects ids >= numSegments, so those become -1.
    const ids = c.ids.map((id) => (id < c.numSegments ? id : -1));
    const x = values(c, 4);
    const dy = randomFloats(rng(5), c.numSegments * tf.util.sizeFromShape(c.xShape.slice(1)));
    await expectMatchesStock(c.label, () => {
      const segmentSum = (t: tf.Tensor) => tf.unsortedSegmentSum(t, tf.tensor1d(ids, 'int32'), c.numSegments);
      return tf.grad(segmentSum)(tf.tensor(x, c.xShape), tf.tensor(dy, [c.numSegments, ...c.xShape.slice(1)]));
    });
  }
});

test('rank-2 segment ids follow TensorFlow: the same sums as the flattened ids', async () => {
  const x = randomFloats(rng(6), 3 * 4 * 5);
  const ids = Array.from(randomInts(rng(7), 12, -1, 6));
  const expected = await runOn('stock cpu', () =>
    tf.unsortedSegmentSum(tf.tensor(x, [12, 5]), tf.tensor1d(ids, 'int32'), 6));
  for (const variant of ['ours on cpu', 'ours on wasm'] as const) {
    // The op is typed for 1-D ids but hands any rank to the kernel.
    const ids2d = () => tf.tensor2d(ids, [3, 4], 'int32') as unknown as tf.Tensor1D;
    const actual = await runOn(variant, () => tf.unsortedSegmentSum(tf.tensor(x, [3, 4, 5]), ids2d(), 6));
    assertClose(actual, expected, 1e-6, `rank-2 ids (${variant})`);
  }
});
