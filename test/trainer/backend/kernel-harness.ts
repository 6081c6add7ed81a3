import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { registerTrainingKernels, unregisterTrainingKernels } from '../../../trainer/backend/register-kernels';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { seededRandom } from '../../../lib/seeded-random';

/** Seeded so that a failing random case reproduces. */
export const rng = seededRandom;

export function randomFloats(rand: () => number, size: number): Float32Array {
  return Float32Array.from({ length: size }, () => rand() * 2 - 1);
}

/** Integers in [lo, hi). */
export function randomInts(rand: () => number, size: number, lo: number, hi: number): Int32Array {
  return Int32Array.from({ length: size }, () => lo + Math.floor(rand() * (hi - lo)));
}

type Shape4 = [number, number, number, number];

/** Seeded x, filter and bias for a convolution, as builders so that each variant makes its own tensors. */
export function convInputs(xShape: number[], filterShape: number[], biasSize: number, seed: number): {
  x: () => tf.Tensor4D; filter: () => tf.Tensor4D; bias: () => tf.Tensor1D;
} {
  const x = randomFloats(rng(seed), tf.util.sizeFromShape(xShape));
  const filter = randomFloats(rng(seed + 1), tf.util.sizeFromShape(filterShape));
  const bias = randomFloats(rng(seed + 2), biasSize);
  return { x: () => tf.tensor4d(x, xShape as Shape4), filter: () => tf.tensor4d(filter, filterShape as Shape4), bias: () => tf.tensor1d(bias) };
}

export function randomInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

interface Result {
  shape: number[];
  dtype: tf.DataType;
  values: number[];
}

export type Variant = 'stock cpu' | 'ours on cpu' | 'ours on wasm';

export async function activate(variant: Variant): Promise<void> {
  if (variant === 'ours on wasm') {
    await selectBackend('wasm');
    return;
  }
  if (variant === 'ours on cpu') registerTrainingKernels('cpu');
  else unregisterTrainingKernels('cpu');
  await tf.setBackend('cpu');
}

/**
 * Runs `build` (which must create its inputs itself, from plain arrays) on one
 * variant and checks that it leaves no tensor and no backend buffer behind.
 */
export async function runOn(variant: Variant, build: () => tf.Tensor | tf.Tensor[]): Promise<Result[]> {
  await activate(variant);
  const backend = tf.backend();
  const tensorsBefore = tf.memory().numTensors;
  const buffersBefore = backend.numDataIds();
  const outputs = tf.tidy(() => {
    const out = build();
    return Array.isArray(out) ? out : [out];
  });
  const results = outputs.map((t) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) }));
  tf.dispose(outputs);
  assert.equal(tf.memory().numTensors, tensorsBefore, `${variant}: tensors leaked`);
  assert.equal(backend.numDataIds(), buffersBefore, `${variant}: backend buffers leaked`);
  return results;
}

/** |actual - expected| <= tol * (max|expected| + |expected|), per element. */
export function assertClose(actual: Result[], expected: Result[], tol: number, label: string): void {
  assert.equal(actual.length, expected.length, `${label}: number of outputs`);
  expected.forEach((exp, k) => {
    const act = actual[k];
    assert.deepEqual(act.shape, exp.shape, `${label}: output ${k} shape`);
    assert.equal(act.dtype, exp.dtype, `${label}: output ${k} dtype`);
    const scale = Math.max(1, ...exp.values.map(Math.abs));
    for (let i = 0; i < exp.values.length; i++) {
      const diff = Math.abs(act.values[i] - exp.values[i]);
      if (!(diff <= tol * (scale + Math.abs(exp.values[i])))) {
        assert.fail(`${label}: output ${k}[${i}] is ${act.values[i]}, stock cpu gives ${exp.values[i]} (tol ${tol})`);
      }
    }
  });
}

/** Compares our kernels on cpu and on wasm with the stock cpu kernels. */
export async function expectMatchesStock(label: string, build: () => tf.Tensor | tf.Tensor[], tol = 1e-5): Promise<void> {
  const expected = await runOn('stock cpu', build);
  for (const variant of ['ours on cpu', 'ours on wasm'] as const) {
    assertClose(await runOn(variant, build), expected, tol, `${label} (${variant})`);
  }
}

/** Asserts every variant throws, and with the stock message. */
export async function expectSameError(label: string, build: () => tf.Tensor | tf.Tensor[]): Promise<void> {
  const messageOf = async (variant: Variant) => {
    await activate(variant);
    try {
      tf.tidy(build);
    } catch (err) {
      return (err as Error).message;
    }
    return assert.fail(`${label} (${variant}): did not throw`);
  };
  const expected = await messageOf('stock cpu');
  for (const variant of ['ours on cpu', 'ours on wasm'] as const) {
    assert.equal(await messageOf(variant), expected, `${label} (${variant})`);
  }
}
