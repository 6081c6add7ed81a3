import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assertClose, expectMatchesStock, randomFloats, rng, runOn } from './kernel-harness';
import { CASES, THREAD_CASES, outputAndGradients } from './lstm-cases';

for (const c of CASES) {
  const label = `LSTM batch ${c.batch}, ${c.steps} steps, ${c.inputDim} → ${c.units}, ${c.recurrentActivation}${c.returnSequences ? ', sequences' : ''}${c.useBias ? '' : ', no bias'}`;
  test(`${label}: output and gradients (fused on cpu and wasm) match stock cpu's step loop`, async () => {
    await expectMatchesStock(label, () => outputAndGradients(c), 1e-5);
  });
}

test('an LSTM the fused path does not cover (goBackwards, returnState) still matches stock', async () => {
  for (const extra of [{ goBackwards: true }, { returnState: true }] as const) {
    await expectMatchesStock(JSON.stringify(extra), () => {
      const layer = tf.layers.lstm({ units: 3, ...extra, kernelInitializer: 'ones', recurrentInitializer: 'ones' });
      const out = layer.apply(tf.tensor3d(randomFloats(rng(5), 2 * 4 * 3), [2, 4, 3])) as tf.Tensor | tf.Tensor[];
      layer.dispose();
      return out;
    });
  }
});

test('on wasm, an LSTM over 50 steps runs as a handful of kernels, not a step loop', async () => {
  await selectBackend('wasm');
  const layer = tf.layers.lstm({ units: 4 });
  const x = tf.ones([2, 50, 3]);
  tf.dispose(layer.apply(x) as tf.Tensor); // builds the weights, which takes kernels of its own
  const profile = await tf.profile(() => tf.dispose(layer.apply(x) as tf.Tensor));
  assert.ok(profile.kernels.length < 25, `${profile.kernels.length} kernels`);
  layer.dispose();
  x.dispose();
});

/** Outputs and gradients of THREAD_CASES on wasm in a fresh process with `threads` threads. */
function onWasmThreads(threads: number): Array<Awaited<ReturnType<typeof runOn>>> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lstm-on-wasm.ts')], {
    encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26, env: { ...process.env, TENSORLENS_WASM_THREADS: String(threads) },
  });
  assert.equal(child.status, 0, child.stderr);
  const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as { threads: number; results: Array<Awaited<ReturnType<typeof runOn>>> };
  assert.equal(out.threads, threads);
  return out.results;
}

test('on wasm with 2 threads (batch rows split) the LSTM gives exactly what 1 thread gives, and matches stock cpu', async () => {
  const [single, split] = [onWasmThreads(1), onWasmThreads(2)];
  for (const [k, c] of THREAD_CASES.entries()) {
    const label = `LSTM batch ${c.batch}, ${c.steps} steps, ${c.units} units, ${c.recurrentActivation}`;
    assert.deepEqual(split[k], single[k], `${label}: 2 threads against 1`);
    assertClose(single[k], await runOn('stock cpu', () => outputAndGradients(c)), 1e-5, label);
  }
});
