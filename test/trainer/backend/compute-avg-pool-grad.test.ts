import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, randomInt, rng } from './kernel-harness';

interface PoolCase {
  xShape: [number, number, number, number];
  filterSize: [number, number];
  strides: [number, number];
  pad: 'valid' | 'same';
}

const rand = rng(17);
const CASES: PoolCase[] = [
  { xShape: [2, 6, 6, 3], filterSize: [2, 2], strides: [2, 2], pad: 'valid' },
  { xShape: [1, 7, 9, 2], filterSize: [3, 3], strides: [1, 2], pad: 'same' },
  { xShape: [1, 1, 1, 1], filterSize: [1, 1], strides: [1, 1], pad: 'valid' },
  { xShape: [3, 5, 8, 1], filterSize: [3, 2], strides: [2, 3], pad: 'same' },
  // the Inception module's pool, with channels in v128 lanes plus a tail (wasm's SIMD kernel)
  { xShape: [2, 8, 8, 10], filterSize: [3, 3], strides: [2, 2], pad: 'same' },
];
for (let k = 0; k < 6; k++) {
  const pad = rand() < 0.5 ? 'valid' : 'same';
  const h = randomInt(rand, 1, 9);
  const w = randomInt(rand, 1, 9);
  CASES.push({
    xShape: [randomInt(rand, 1, 3), h, w, randomInt(rand, 1, 4)],
    filterSize: [randomInt(rand, 1, pad === 'same' ? 4 : Math.min(4, h)), randomInt(rand, 1, pad === 'same' ? 4 : Math.min(4, w))],
    strides: [randomInt(rand, 1, 3), randomInt(rand, 1, 3)],
    pad,
  });
}

const describe = (c: PoolCase) => `x ${c.xShape}, filter ${c.filterSize}, strides ${c.strides}, ${c.pad}`;

test('AvgPoolGrad output (run as a kernel) matches stock cpu', async () => {
  for (const c of CASES) {
    const x = randomFloats(rng(1), tf.util.sizeFromShape(c.xShape));
    await expectMatchesStock(describe(c), () => {
      const xt = tf.tensor4d(x, c.xShape);
      const y = tf.avgPool(xt, c.filterSize, c.strides, c.pad);
      const dy = tf.tensor(randomFloats(rng(2), y.size), y.shape);
      return tf.engine().runKernel(tf.AvgPoolGrad, { dy, input: xt }, { filterSize: c.filterSize, strides: c.strides, pad: c.pad }) as tf.Tensor;
    });
  }
});

test('the gradient of avgPool (tf.grad) matches stock cpu', async () => {
  for (const c of CASES) {
    const x = randomFloats(rng(3), tf.util.sizeFromShape(c.xShape));
    await expectMatchesStock(describe(c), () => {
      const pool = (t: tf.Tensor) => tf.avgPool(t as tf.Tensor4D, c.filterSize, c.strides, c.pad).square().sum();
      return tf.grad(pool)(tf.tensor4d(x, c.xShape));
    });
  }
});
