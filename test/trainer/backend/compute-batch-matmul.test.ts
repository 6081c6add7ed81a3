import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { expectMatchesStock, randomFloats, rng } from './kernel-harness';

/** Operand shapes as stored (before any transpose), with the flags that make them fit. */
const CASES: Array<{ a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }> = [
  { a: [7, 5], b: [7, 3], transposeA: true, transposeB: false },
  { a: [4, 6], b: [9, 6], transposeA: false, transposeB: true },
  { a: [6, 4], b: [5, 6], transposeA: true, transposeB: true },
  { a: [3, 5, 4], b: [3, 5, 2], transposeA: true, transposeB: false },
  { a: [2, 4, 3], b: [2, 6, 3], transposeA: false, transposeB: true },
  { a: [5, 8], b: [8, 3], transposeA: false, transposeB: false },
];

const describe = (c: (typeof CASES)[number]) => `a ${c.a}${c.transposeA ? 'ᵀ' : ''} · b ${c.b}${c.transposeB ? 'ᵀ' : ''}`;

test('matMul with transposed operands (BatchMatMul) matches stock cpu, with its gradients', async () => {
  for (const c of CASES) {
    const [a, b] = [randomFloats(rng(1), tf.util.sizeFromShape(c.a)), randomFloats(rng(2), tf.util.sizeFromShape(c.b))];
    await expectMatchesStock(describe(c), () => {
      const [at, bt] = [tf.tensor(a, c.a), tf.tensor(b, c.b)];
      const product = (x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y, c.transposeA, c.transposeB);
      const weights = tf.tensor(randomFloats(rng(3), product(at, bt).size), product(at, bt).shape);
      return [product(at, bt), ...tf.grads((x: tf.Tensor, y: tf.Tensor) => product(x, y).mul(weights).sum())([at, bt])];
    });
  }
});

test('the fused matMul (_FusedMatMul: bias and relu) with transposed operands matches stock cpu, with its gradients', async () => {
  for (const c of CASES.filter((k) => k.a.length === 2)) {
    const [a, b] = [randomFloats(rng(4), tf.util.sizeFromShape(c.a)), randomFloats(rng(5), tf.util.sizeFromShape(c.b))];
    const columns = c.transposeB ? c.b[0] : c.b[1];
    const bias = randomFloats(rng(6), columns);
    await expectMatchesStock(describe(c), () => {
      const [at, bt, biasT] = [tf.tensor(a, c.a), tf.tensor(b, c.b), tf.tensor1d(bias)];
      const product = (x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) =>
        tf.fused.matMul({ a: x, b: y, transposeA: c.transposeA, transposeB: c.transposeB, bias: z, activation: 'relu' });
      return [product(at, bt, biasT), ...tf.grads((x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) => product(x, y, z).sum())([at, bt, biasT])];
    });
  }
});
