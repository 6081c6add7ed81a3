import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, randomInt, randomInts, rng } from './kernel-harness';

interface PoolCase {
  label: string;
  xShape: [number, number, number, number];
  filterSize: [number, number];
  strides: [number, number];
  pad: 'valid' | 'same';
  /** Few distinct values, so windows hold ties and the tie rule is exercised. */
  ties?: boolean;
  /** NaN and -Infinity among few values: windows of only those pass nothing (kernel test only; their squares' gradients are NaN). */
  nonFinite?: boolean;
}

const rand = rng(11);
const CASES: PoolCase[] = [
  { label: 'Keras MaxPooling1D(5)', xShape: [2, 1, 23, 4], filterSize: [1, 5], strides: [1, 5], pad: 'valid' },
  { label: 'overlapping windows, same', xShape: [1, 7, 9, 3], filterSize: [3, 3], strides: [1, 2], pad: 'same' },
  { label: 'ties', xShape: [2, 6, 6, 2], filterSize: [2, 3], strides: [2, 1], pad: 'valid', ties: true },
  { label: 'ties, overlapping, same', xShape: [1, 5, 5, 1], filterSize: [3, 3], strides: [1, 1], pad: 'same', ties: true },
  { label: 'window larger than stride remainder', xShape: [3, 8, 7, 2], filterSize: [3, 2], strides: [3, 3], pad: 'valid' },
  // past the wasm kernel's four SIMD lanes: 4 + 3 channels
  { label: 'seven channels, ties', xShape: [2, 5, 4, 7], filterSize: [2, 2], strides: [1, 2], pad: 'same', ties: true },
  { label: 'seven channels, NaN and -Infinity', xShape: [2, 6, 3, 7], filterSize: [2, 3], strides: [2, 1], pad: 'valid', nonFinite: true },
];
for (let k = 0; k < 6; k++) {
  const pad = rand() < 0.5 ? 'valid' : 'same';
  const h = randomInt(rand, 1, 9);
  const w = randomInt(rand, 1, 9);
  CASES.push({
    label: `random #${k}`,
    xShape: [randomInt(rand, 1, 3), h, w, randomInt(rand, 1, 4)],
    filterSize: [randomInt(rand, 1, pad === 'same' ? 4 : Math.min(4, h)), randomInt(rand, 1, pad === 'same' ? 4 : Math.min(4, w))],
    strides: [randomInt(rand, 1, 3), randomInt(rand, 1, 3)],
    pad,
    ties: rand() < 0.5,
  });
}

function input(c: PoolCase, seed: number): Float32Array {
  const size = tf.util.sizeFromShape(c.xShape);
  if (c.nonFinite) return Float32Array.from(randomInts(rng(seed), size, 0, 4), (k) => [NaN, -Infinity, 0, 1][k]);
  return c.ties ? Float32Array.from(randomInts(rng(seed), size, 0, 3)) : randomFloats(rng(seed), size);
}

function describe(c: PoolCase): string {
  return `${c.label}: x ${c.xShape}, filter ${c.filterSize}, strides ${c.strides}, ${c.pad}`;
}

test('MaxPoolGrad output (run as a kernel) matches stock cpu', async () => {
  for (const c of CASES) {
    const x = input(c, 1);
    await expectMatchesStock(describe(c), () => {
      const xt = tf.tensor4d(x, c.xShape);
      const y = tf.maxPool(xt, c.filterSize, c.strides, c.pad);
      const dy = tf.tensor(randomFloats(rng(2), y.size), y.shape);
      return tf.engine().runKernel(tf.MaxPoolGrad, { dy, input: xt, output: y }, {
        filterSize: c.filterSize, strides: c.strides, pad: c.pad,
      }) as tf.Tensor;
    });
  }
});

test('the gradient of maxPool (tf.grad) matches stock cpu', async () => {
  for (const c of CASES.filter((k) => !k.nonFinite)) {
    const x = input(c, 3);
    await expectMatchesStock(describe(c), () => {
      const pool = (t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, c.filterSize, c.strides, c.pad).square().sum();
      return tf.grad(pool)(tf.tensor4d(x, c.xShape));
    });
  }
});
