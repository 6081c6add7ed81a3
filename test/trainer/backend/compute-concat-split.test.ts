import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, randomInts, rng } from './kernel-harness';

// Blocks of 1-3 bytes, 4-byte words, 16-byte vectors and 64-byte runs, with tails; empty inputs.
const CASES: Array<{ shapes: number[][]; axis: number }> = [
  { shapes: [[4, 3, 3, 8], [4, 3, 3, 8], [4, 3, 3, 5], [4, 3, 3, 8]], axis: 3 },
  { shapes: [[2, 5, 7], [2, 1, 7], [2, 3, 7]], axis: -2 },
  { shapes: [[3, 4], [5, 4]], axis: 0 },
  { shapes: [[6, 1], [6, 2], [6, 37]], axis: 1 },
  { shapes: [[2, 0, 3], [2, 4, 3], [2, 2, 3]], axis: 1 },
  { shapes: [[7], [9]], axis: 0 },
  { shapes: [[3, 2, 1100], [3, 2, 1100]], axis: 2 },
];

test('Concat and its gradient (SplitV), float32, int32 and bool, match stock cpu', async () => {
  for (const [k, c] of CASES.entries()) {
    const values = c.shapes.map((s, i) => randomFloats(rng(10 * k + i), tf.util.sizeFromShape(s)));
    const ints = c.shapes.map((s, i) => randomInts(rng(10 * k + i), tf.util.sizeFromShape(s), -5, 5));
    await expectMatchesStock(`shapes ${JSON.stringify(c.shapes)}, axis ${c.axis}`, () => {
      const xs = values.map((v, i) => tf.tensor(v, c.shapes[i]));
      const out = tf.concat(xs, c.axis);
      const weights = tf.tensor(randomFloats(rng(99), out.size), out.shape);
      const grads = tf.grads((...ts: tf.Tensor[]) => tf.concat(ts, c.axis).mul(weights).sum())(xs);
      const intXs = ints.map((v, i) => tf.tensor(v, c.shapes[i], 'int32'));
      return [out, ...grads, tf.concat(intXs, c.axis), tf.concat(intXs.map((t) => t.greater(0)), c.axis)];
    });
  }
});

test('split into sizes (one of them -1) and into equal parts matches stock cpu', async () => {
  const values = randomFloats(rng(7), 4 * 6 * 10);
  await expectMatchesStock('x [4, 6, 10]', () => {
    const x = tf.tensor3d(values, [4, 6, 10]);
    return [...tf.split(x, [3, -1, 2], 2), ...tf.split(x, 2, 1), ...tf.split(x, 1, 0), ...tf.split(x, [0, 6], 1)];
  });
});
