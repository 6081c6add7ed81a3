import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';

// Widths 8 and 16 (the kernel's register paths), others with a scalar tail, a scalar bias,
// the bias first, leading 1s, columns and middle axes, and broadcasts in four runs (left to stock).
const CASES: Array<[number[], number[]]> = [
  [[4, 3, 3, 8], [8]],
  [[2, 5, 5, 16], [16]],
  [[6, 5], [5]],
  [[3, 2, 7, 10], [7, 10]],
  [[9], [4, 1, 9]].reverse() as [number[], number[]],
  [[4, 6], [1, 6]],
  [[5, 3], [1]],
  [[12], [12, 12]].reverse() as [number[], number[]],
  [[4, 6], [4, 1]],
  [[3, 4], [3, 4]],
  [[1, 1, 7], [2, 3, 7]],
  // a column ([128, 1] by [128, 5], the loss's gradient), middle axes (global pooling's gradient), both ends
  [[6, 1], [6, 5]],
  [[3, 1, 1, 10], [3, 4, 2, 10]],
  [[1, 5, 1], [4, 5, 6]],
  [[3, 1, 4, 1], [3, 2, 4, 5]],
  [[1], [1]],
];

test('Add, Multiply and RealDiv of a bias, of equal shapes and other broadcasts match stock cpu, with their gradients', async () => {
  for (const [k, [aShape, bShape]] of CASES.entries()) {
    const a = randomFloats(rng(2 * k), tf.util.sizeFromShape(aShape));
    const b = randomFloats(rng(2 * k + 1), tf.util.sizeFromShape(bShape));
    await expectMatchesStock(`a ${aShape} + b ${bShape}`, () => {
      const at = tf.tensor(a, aShape);
      const bt = tf.tensor(b, bShape);
      const out = tf.add(at, bt);
      const weights = tf.tensor(randomFloats(rng(50), out.size), out.shape);
      const grads = [tf.add, tf.mul, tf.div].flatMap((op) => tf.grads((x: tf.Tensor, y: tf.Tensor) => op(x, y).mul(weights).sum())([at, bt.abs().add(0.5)]));
      const divisor = (t: tf.Tensor) => t.abs().add(0.5);
      return [out, tf.add(bt, at), tf.mul(at, bt), tf.mul(bt, at), tf.div(at, divisor(bt)), tf.div(bt, divisor(at)), ...grads, tf.add(at.toInt(), bt.toInt()), tf.mul(at.toInt(), bt.toInt())];
    });
  }
});

test('Relu (with -0, 0 and a tail past the v128 lanes) and its gradient match stock cpu', async () => {
  const values = [...randomFloats(rng(40), 22), -0, 0, 1];
  await expectMatchesStock('x [5, 5]', () => {
    const x = tf.tensor2d(values, [5, 5]);
    return [tf.relu(x), tf.grad((t: tf.Tensor) => tf.relu(t).mul(tf.range(0, 25).reshape([5, 5])).sum())(x), tf.relu(tf.tensor1d([], 'float32'))];
  });
});

test('a Conv2D and a Dense layer with activations train (output and gradients) as on stock cpu', async () => {
  const x = randomFloats(rng(60), 2 * 6 * 6 * 3);
  await expectMatchesStock('conv2d relu -> dense relu', () => {
    const conv = tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', biasInitializer: 'randomNormal' });
    const dense = tf.layers.dense({ units: 5, activation: 'relu', biasInitializer: 'randomNormal' });
    const input = tf.tensor4d(x, [2, 6, 6, 3]);
    const net = () => dense.apply(tf.layers.flatten().apply(conv.apply(input))) as tf.Tensor;
    net();
    const weights = [...conv.trainableWeights, ...dense.trainableWeights].map((w) => w.read() as tf.Variable);
    weights.forEach((w, i) => w.assign(tf.tensor(randomFloats(rng(70 + i), w.size), w.shape)));
    const { value, grads } = tf.variableGrads(() => net().square().sum() as tf.Scalar, weights);
    const result = [net(), value, ...weights.map((w) => grads[w.name])];
    conv.dispose();
    dense.dispose();
    return result;
  }, 1e-4);
});
