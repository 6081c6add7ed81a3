import type { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { siblingWorker } from '../../lib/kinds/embedding/umap/sibling-worker';
import { backwardRows, forwardRows, type BackwardArrays, type RecurrenceArrays } from './lstm-recurrence';
import { WASM_PACKAGE, type WasmModule } from './wasm-threads';

// The fused LSTM's recurrence is JS, which XNNPACK's pool never reaches: on threaded wasm it
// was half of the 2-input LSTM's step on one thread whatever the thread count. Batch rows never
// mix, so helper threads each take a range of rows of the same shared arrays, handed over once
// per pass (not once per step), and the training thread waits for them on a shared counter.

export type RowJob = { kind: 'forward'; arrays: RecurrenceArrays } | { kind: 'backward'; arrays: BackwardArrays };
/** One helper's share of a job; done[0] counts finished helpers, done[1] is set when one failed. */
export interface RowMessage { job: RowJob; from: number; to: number; done: Int32Array }

/** Fewer rows than this per thread are not worth a hand-off. */
const MIN_ROWS_PER_THREAD = 4;
/** A helper that never answers (its thread killed) fails the step with a reason instead of hanging it. */
const HELPER_TIMEOUT_MS = 10 * 60_000;

const helpers: Worker[] = [];
const ready: Worker[] = [];
let failure: string | undefined;

/** A Float32Array the helper threads share, copied from `values` when given. */
export function sharedFloats(length: number, values?: ArrayLike<number>): Float32Array {
  const out = new Float32Array(new SharedArrayBuffer(4 * length));
  if (values) out.set(values);
  return out;
}

/**
 * Starts helpers up to `count`; resolves once they are ready. Jobs run on the training thread
 * alone until then (the first batches, while a helper loads), and for good if one fails.
 */
export function startRowHelpers(count: number): Promise<void> {
  const starting: Promise<void>[] = [];
  while (helpers.length < count) {
    const helper = siblingWorker('lstm-row-worker', undefined, __dirname);
    helpers.push(helper);
    // Helpers must not keep a finished training process alive.
    helper.unref();
    helper.on('error', (err) => { failure ??= `LSTM row helper failed: ${err.message}`; });
    starting.push(new Promise((resolve) => helper.once('message', () => resolve(void ready.push(helper)))));
  }
  return Promise.all(starting).then(() => undefined);
}

/** The threads the active backend trains with: the wasm build's pool size; other JS backends have one. */
function backendThreads(): number {
  if (tf.getBackend() !== 'wasm') return 1;
  return Math.max(1, (require(WASM_PACKAGE) as WasmModule).getThreadsCount());
}

function runRange(job: RowJob, from: number, to: number): void {
  if (job.kind === 'forward') forwardRows(job.arrays, from, to);
  else backwardRows(job.arrays, from, to);
}

/** Runs a forward or backward pass over every batch row, split across up to `threads` threads; returns how many took part. */
export function runRows(job: RowJob, threads = backendThreads()): number {
  const { batch } = job.arrays;
  const wanted = Math.min(threads, Math.floor(batch / MIN_ROWS_PER_THREAD)) - 1;
  if (wanted > 0 && failure === undefined) void startRowHelpers(wanted);
  const used = failure === undefined ? Math.min(wanted, ready.length) : 0;
  if (used <= 0) {
    runRange(job, 0, batch);
    return 1;
  }
  const done = new Int32Array(new SharedArrayBuffer(8));
  const share = Math.ceil(batch / (used + 1));
  for (let i = 0; i < used; i++) {
    const message: RowMessage = { job, from: Math.min(batch, (i + 1) * share), to: Math.min(batch, (i + 2) * share), done };
    ready[i].postMessage(message);
  }
  runRange(job, 0, share);
  const deadline = Date.now() + HELPER_TIMEOUT_MS;
  for (let finished = Atomics.load(done, 0); finished < used; finished = Atomics.load(done, 0)) {
    if (Atomics.wait(done, 0, finished, Math.max(0, deadline - Date.now())) === 'timed-out') {
      throw new Error(`LSTM row helpers did not answer in ${HELPER_TIMEOUT_MS / 1000} s`);
    }
  }
  if (Atomics.load(done, 1) !== 0) throw new Error('an LSTM row helper failed on its rows');
  return used + 1;
}
