import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, randomInts, rng } from './kernel-harness';

const CASES: Array<{ shape: number[]; reps: number[] }> = [
  { shape: [1, 1, 1, 4], reps: [3, 5, 2, 1] },
  { shape: [2, 3], reps: [2, 3] },
  { shape: [3], reps: [4] },
  { shape: [2, 1, 3], reps: [1, 4, 2] },
  { shape: [2, 2, 3, 2], reps: [2, 3, 1, 2] },
  { shape: [1, 4], reps: [1, 1] },
  { shape: [0, 3], reps: [2, 2] },
];

test('Tile (float32 and int32) matches stock cpu, and its gradient too', async () => {
  for (const c of CASES) {
    const size = tf.util.sizeFromShape(c.shape);
    const values = randomFloats(rng(1), size);
    const ints = randomInts(rng(2), size, -9, 9);
    await expectMatchesStock(`x ${c.shape}, reps ${c.reps}`, () => {
      const x = tf.tensor(values, c.shape);
      const tiled = tf.tile(x, c.reps);
      const weights = tf.tensor(randomFloats(rng(3), tiled.size), tiled.shape);
      return [tiled, tf.tile(tf.tensor(ints, c.shape, 'int32'), c.reps), tf.grad((t: tf.Tensor) => tf.tile(t, c.reps).mul(weights).sum())(x)];
    });
  }
});
