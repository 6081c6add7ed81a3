import { Worker } from 'worker_threads';
import { simdExports, simdModule } from './simd-module';

// Splits one of our SIMD kernels' calls across threads. tfjs-backend-wasm's threads
// belong to XNNPACK's pool and run only its own operators, so ours get worker_threads
// of their own, each with an instance of the kernel over the same shared memory; they
// sleep in Atomics.wait between calls, and the caller blocks until all parts are
// done, as a kernel must return its output. Only the threaded build's memory is
// shared; on the single-threaded build every part runs on the calling thread.
//
// One Int32Array of control words per worker: the caller writes the arguments, clears
// CLAIM, then bumps SEQ; the worker claims the part, runs it and sets DONE to that SEQ
// (or FAILED on a trap). A part its worker has not claimed by the time the caller is
// through its own is claimed and run by the caller: on a loaded machine a sleeping
// worker can wait several scheduler slices to wake, and the caller idled that long at
// every call (a SeparableConv2D step went 550 -> 1600 ms on 2 threads, load 13).
const SEQ = 0;
const DONE = 1;
const READY = 2;
const FAILED = 3;
const ARG_COUNT = 4;
const CLAIM = 5;
const ARGS = 6;
const BY_WORKER = 1;
const BY_CALLER = 2;
const MAX_ARGS = 27;
const BOOT_MS = 5000;
/** Below this many multiply-adds a split costs more than it saves. */
const SPLIT_MACS = 1 << 18;
const PART_MS = 60000;

const WORKER_SCRIPT = `
const { workerData } = require('worker_threads');
const { module, memory, control, fn } = workerData;
const run = new WebAssembly.Instance(module, { env: { memory } }).exports[fn];
const c = new Int32Array(control);
Atomics.store(c, ${READY}, 1);
Atomics.notify(c, ${READY});
let seen = 0;
for (;;) {
  Atomics.wait(c, ${SEQ}, seen);
  seen = Atomics.load(c, ${SEQ});
  if (Atomics.compareExchange(c, ${CLAIM}, 0, ${BY_WORKER}) === 0) {
    try { run(...c.subarray(${ARGS}, ${ARGS} + c[${ARG_COUNT}])); } catch { Atomics.store(c, ${FAILED}, 1); }
  }
  Atomics.store(c, ${DONE}, seen);
  Atomics.notify(c, ${DONE});
}`;

type Kernel = (...args: number[]) => void;

interface Helper { worker: Worker; control: Int32Array }

// Helpers for one memory only: each holds its memory, so those of a backend that was
// dropped (a new heap) are terminated rather than left keeping the old heap alive.
let pools: { memory: WebAssembly.Memory; byKernel: Map<string, Helper[]> } | undefined;

function startHelper(name: string, fn: string, memory: WebAssembly.Memory): Helper {
  const control = new Int32Array(new SharedArrayBuffer((ARGS + MAX_ARGS) * 4));
  const worker = new Worker(WORKER_SCRIPT, { eval: true, workerData: { module: simdModule(name, true), memory, control: control.buffer, fn } });
  // A helper only ever waits for work; it must not keep the process alive.
  worker.unref();
  Atomics.wait(control, READY, 0, BOOT_MS);
  return { worker, control };
}

function helpers(name: string, fn: string, memory: WebAssembly.Memory, count: number): Helper[] {
  if (pools?.memory !== memory) {
    for (const helper of [...(pools?.byKernel.values() ?? [])].flat()) void helper.worker.terminate();
    pools = { memory, byKernel: new Map() };
  }
  const { byKernel } = pools;
  const key = `${name}:${fn}`;
  const pool = byKernel.get(key) ?? [];
  while (pool.length < count) pool.push(startHelper(name, fn, memory));
  byKernel.set(key, pool);
  return pool.filter((h) => Atomics.load(h.control, READY) === 1).slice(0, count);
}

function post(helper: Helper, args: number[]): number {
  const { control } = helper;
  if (args.length > MAX_ARGS) throw new Error(`a SIMD kernel part takes at most ${MAX_ARGS} arguments, got ${args.length}`);
  control.set(args, ARGS);
  control[ARG_COUNT] = args.length;
  Atomics.store(control, CLAIM, 0);
  const seq = Atomics.add(control, SEQ, 1) + 1;
  Atomics.notify(control, SEQ);
  return seq;
}

/** Waits for a posted part; false if it trapped. */
function join(helper: Helper, seq: number): boolean {
  const { control } = helper;
  const started = Date.now();
  for (let done = Atomics.load(control, DONE); done !== seq; done = Atomics.load(control, DONE)) {
    if (Date.now() - started > PART_MS) throw new Error('a SIMD kernel part on a worker thread did not finish');
    Atomics.wait(control, DONE, done, 1000);
  }
  return Atomics.exchange(control, FAILED, 0) === 0;
}

/**
 * Runs export `fn` of kernel module `name` once per argument list in `parts`, the
 * first on this thread and the others on up to `threads - 1` helpers (or here, when
 * a helper has not taken its part by then), and returns when all are done. The
 * parts must write disjoint memory.
 */
export function runParts(name: string, fn: string, memory: WebAssembly.Memory, threads: number, parts: number[][]): void {
  // splitRanges gives an empty range no parts: an empty tensor has nothing to compute.
  if (parts.length === 0) return;
  const kernel = simdExports<Record<string, Kernel>>(name, memory)[fn];
  const shared = memory.buffer instanceof SharedArrayBuffer;
  const pool = shared && parts.length > 1 ? helpers(name, fn, memory, Math.min(threads, parts.length) - 1) : [];
  const posted = pool.map((helper, k) => ({ helper, seq: post(helper, parts[k + 1]), args: parts[k + 1] }));
  let error: unknown;
  const runHere = (args: number[]) => {
    try {
      kernel(...args);
    } catch (err) {
      error ??= err;
    }
  };
  runHere(parts[0]);
  for (const args of parts.slice(pool.length + 1)) runHere(args);
  // Every part is done or waited for before any error is raised: none may still be writing.
  const failed = posted.filter(({ helper, seq, args }) => {
    if (Atomics.compareExchange(helper.control, CLAIM, 0, BY_CALLER) !== 0) return !join(helper, seq);
    runHere(args);
    return false;
  }).length;
  if (error !== undefined) throw error;
  if (failed > 0) throw new Error(`${name}: ${failed} part(s) failed on a worker thread`);
}

/**
 * Splits [0, length) into up to `threads` ranges that start on multiples of `align`;
 * one range when the call's `macs` multiply-adds are too few to pay for waking helpers.
 */
export function splitRanges(length: number, threads: number, macs: number, align = 1): Array<[number, number]> {
  const parts = macs < SPLIT_MACS ? 1 : Math.max(1, Math.min(threads, Math.ceil(length / align)));
  const step = Math.max(align, Math.ceil(length / parts / align) * align);
  const ranges: Array<[number, number]> = [];
  for (let begin = 0; begin < length; begin += step) ranges.push([begin, Math.min(length, begin + step)]);
  return ranges;
}
