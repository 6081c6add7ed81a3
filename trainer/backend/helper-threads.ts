import type { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { moduleWorker } from '../../lib/module-worker';
import { runJobRange, type HelperJob } from './helper-jobs';
import { startedWasmThreads } from './wasm-threads';

// Tensorlens's JS kernels are JS, which XNNPACK's pool never reaches: on threaded wasm they ran
// on one thread whatever the thread count (the depthwise filter gradient was a seventh of the
// SeparableConv2D step). Their items (samples) never mix, so helper threads each take a range of
// the same shared arrays, handed over once per call, and the training thread waits on a shared
// counter. (The fused LSTM's recurrence, once a job here, is a SIMD kernel on simd-threads.ts.)

/** One helper's share of a job; done[0] counts finished helpers, done[1] is set when one failed. */
export interface HelperMessage { job: HelperJob; part: number; from: number; to: number; done: Int32Array }

/** Fewer items than this per thread are not worth a hand-off. */
const MIN_ITEMS_PER_THREAD = 4;
/** A helper that never answers (its thread killed) fails the step with a reason instead of hanging it. */
const HELPER_TIMEOUT_MS = 10 * 60_000;

/** A started helper; its thread sets `ready[0]` once it listens for jobs. */
interface Helper { worker: Worker; ready: Int32Array }

const helpers: Helper[] = [];
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
 * A helper says it is ready on a shared word, not by a message: trainOnBatch loops keep the
 * training thread busy, so a message to it waited unread and the helpers never took part.
 */
export function startHelpers(count: number): Promise<void> {
  while (helpers.length < count) {
    const ready = new Int32Array(new SharedArrayBuffer(4));
    const worker = moduleWorker(__dirname, 'helper-worker', { ready });
    // Helpers must not keep a finished training process alive.
    worker.unref();
    worker.on('error', (err) => { failure ??= `helper thread failed: ${err.message}`; });
    helpers.push({ worker, ready });
  }
  return Promise.all(helpers.slice(0, count).map(({ ready }) => Atomics.waitAsync(ready, 0, 0).value)).then(() => undefined);
}

/** Up to `wanted` helpers whose threads have said they are ready. */
function readyHelpers(wanted: number): Helper[] {
  return helpers.slice(0, wanted).filter(({ ready }) => Atomics.load(ready, 0) === 1);
}

/** The threads the active backend trains with: the wasm build's pool size; other JS backends have one. */
export function backendThreads(): number {
  return tf.getBackend() === 'wasm' ? startedWasmThreads() : 1;
}

/**
 * Runs items [0, items) of `job`, split across up to `threads` threads (parts 0 .. threads - 1);
 * returns how many took part.
 */
export function runSplit(job: HelperJob, items: number, threads = backendThreads()): number {
  const wanted = Math.min(threads, Math.floor(items / MIN_ITEMS_PER_THREAD)) - 1;
  if (wanted > 0 && failure === undefined) void startHelpers(wanted);
  const ready = failure === undefined ? readyHelpers(wanted) : [];
  const used = ready.length;
  if (used <= 0) {
    runJobRange(job, 0, 0, items);
    return 1;
  }
  const done = new Int32Array(new SharedArrayBuffer(8));
  const share = Math.ceil(items / (used + 1));
  for (let i = 0; i < used; i++) {
    const message: HelperMessage = { job, part: i + 1, from: Math.min(items, (i + 1) * share), to: Math.min(items, (i + 2) * share), done };
    ready[i].worker.postMessage(message);
  }
  runJobRange(job, 0, 0, share);
  const deadline = Date.now() + HELPER_TIMEOUT_MS;
  for (let finished = Atomics.load(done, 0); finished < used; finished = Atomics.load(done, 0)) {
    if (Atomics.wait(done, 0, finished, Math.max(0, deadline - Date.now())) === 'timed-out') {
      throw new Error(`helper threads did not answer in ${HELPER_TIMEOUT_MS / 1000} s`);
    }
  }
  if (Atomics.load(done, 1) !== 0) throw new Error('a helper thread failed on its share of a job');
  return used + 1;
}
