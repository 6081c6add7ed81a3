import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { requestedWasmThreads } from '../../../trainer/backend/wasm-threads';

interface Trained { threads: number; fallbackReasons: string[]; losses: number[]; weights: number[][] }

/**
 * Trains in a fresh process: the wasm build is fixed once per process. The timeout
 * also checks that the process exits on its own once its work is done.
 */
function trainInChild(threads: string): Trained {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'train-imdb-two-batches.ts')], {
    encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26, env: { ...process.env, TENSORLENS_WASM_THREADS: threads },
  });
  assert.equal(child.signal, null, `child did not exit by itself (killed by ${child.signal}); stderr: ${child.stderr}`);
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Trained;
}

test('TENSORLENS_WASM_THREADS: unset or empty is one thread per core, a count is taken, anything else is refused', () => {
  assert.equal(requestedWasmThreads({}, 2), 2);
  assert.equal(requestedWasmThreads({ TENSORLENS_WASM_THREADS: '' }, 8), 8);
  assert.equal(requestedWasmThreads({}, 1), 1);
  assert.equal(requestedWasmThreads({ TENSORLENS_WASM_THREADS: '1' }, 8), 1);
  assert.equal(requestedWasmThreads({ TENSORLENS_WASM_THREADS: '4' }), 4);
  assert.throws(() => requestedWasmThreads({ TENSORLENS_WASM_THREADS: '0' }), /whole number >= 1/);
  assert.throws(() => requestedWasmThreads({ TENSORLENS_WASM_THREADS: '0' }, 2, 1), /whole number >= 1/);
  assert.throws(() => requestedWasmThreads({ TENSORLENS_WASM_THREADS: 'many' }), /whole number >= 1/);
});

test("a model's own thread count is taken when TENSORLENS_WASM_THREADS is unset, never above one per core, and the variable wins", () => {
  assert.equal(requestedWasmThreads({}, 2, 1), 1);
  assert.equal(requestedWasmThreads({ TENSORLENS_WASM_THREADS: '' }, 8, 3), 3);
  assert.equal(requestedWasmThreads({}, 2, 4), 2);
  assert.equal(requestedWasmThreads({ TENSORLENS_WASM_THREADS: '2' }, 2, 1), 2);
});

test('a bad TENSORLENS_WASM_THREADS falls back to the single-threaded build with the reason', () => {
  const trained = trainInChild('many');
  assert.equal(trained.threads, 1);
  assert.equal(trained.fallbackReasons.length, 1);
  assert.match(trained.fallbackReasons[0], /threaded build: TENSORLENS_WASM_THREADS must be/);
});

test('threaded wasm trains the IMDB Conv1D 2 batches like single-threaded wasm, and exits', { skip: availableParallelism() < 2 && 'needs 2 cores' }, () => {
  const single = trainInChild('1');
  const threaded = trainInChild('2');
  assert.equal(single.threads, 1);
  assert.deepEqual(threaded.fallbackReasons, []);
  assert.ok(threaded.threads >= 2, `threads ${threaded.threads}`);
  threaded.losses.forEach((loss, i) => assert.ok(Math.abs(loss - single.losses[i]) < 1e-4, `loss ${i}: ${loss} vs ${single.losses[i]}`));
  single.weights.forEach((expected, i) => {
    const scale = Math.max(...expected.map(Math.abs));
    const maxDiff = Math.max(...expected.map((v, j) => Math.abs(v - threaded.weights[i][j])));
    assert.ok(maxDiff <= 1e-4 * scale, `weight ${i} differs by ${maxDiff} (scale ${scale})`);
  });
});
