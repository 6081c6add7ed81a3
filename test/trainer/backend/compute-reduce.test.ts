import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, randomInts, rng } from './kernel-harness';

const CASES: Array<{ shape: number[]; axis: number | number[] }> = [
  { shape: [4, 5, 6, 3], axis: [0, 1, 2] },
  { shape: [4, 5, 6, 3], axis: [1, 2] },
  { shape: [4, 5, 6, 3], axis: [2, 1] },
  { shape: [4, 5, 6, 3], axis: -1 },
  { shape: [4, 5, 6, 3], axis: [0, 2] },
  { shape: [7, 3], axis: 0 },
  { shape: [7], axis: 0 },
  { shape: [3, 40, 50, 7], axis: [0, 1, 2] },
  { shape: [3, 40, 50, 7], axis: [1, 2] },
  { shape: [2, 0, 3], axis: 1 },
  // the SIMD kernel's 16-column blocks plus a remainder (37 = 2 * 16 + 5), once and per outer row
  { shape: [3, 9, 10, 37], axis: [0, 1, 2] },
  { shape: [2, 30, 20], axis: 1 },
];

test('Sum and Mean over any axes (keepDims or not) match stock cpu, with their gradients', async () => {
  for (const c of CASES) {
    const values = randomFloats(rng(1), tf.util.sizeFromShape(c.shape));
    const ints = randomInts(rng(2), values.length, -9, 9);
    for (const keepDims of [false, true]) {
      await expectMatchesStock(`x ${c.shape}, axis ${c.axis}, keepDims ${keepDims}`, () => {
        const x = tf.tensor(values, c.shape);
        const sum = (t: tf.Tensor) => tf.sum(t, c.axis, keepDims);
        const mean = (t: tf.Tensor) => tf.mean(t, c.axis, keepDims);
        const weights = tf.tensor(randomFloats(rng(3), sum(x).size), sum(x).shape);
        return [
          sum(x), mean(x), sum(tf.tensor(ints, c.shape, 'int32')),
          tf.grad((t: tf.Tensor) => sum(t).mul(weights).sum())(x),
          tf.grad((t: tf.Tensor) => mean(t).mul(weights).sum())(x),
        ];
      });
    }
  }
});

test('a BatchNormalization layer in training: output and gradients match stock cpu', async () => {
  for (const shape of [[4, 5, 6, 3], [8, 7]]) {
    const values = randomFloats(rng(4), tf.util.sizeFromShape(shape));
    await expectMatchesStock(`x ${shape}`, () => {
      const layer = tf.layers.batchNormalization();
      const x = tf.variable(tf.tensor(values, shape));
      layer.apply(x);
      layer.setWeights(layer.getWeights().map((w, k) => tf.tensor(randomFloats(rng(10 + k), w.size), w.shape).add(k === 3 ? 1.5 : 0)));
      const out = () => layer.apply(x, { training: true }) as tf.Tensor;
      const weights = tf.tensor(randomFloats(rng(5), out().size), shape);
      const trainable = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      const { value, grads } = tf.variableGrads(() => out().mul(weights).sum() as tf.Scalar, [x, ...trainable]);
      const result = [out(), value, grads[x.name], ...trainable.map((w) => grads[w.name])];
      layer.dispose();
      x.dispose();
      return result;
    }, 1e-4);
  }
});
