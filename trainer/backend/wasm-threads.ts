import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';

// tfjs-backend-wasm 4.22 ships a threaded build but turns it off in Node
// (tensorflow/tfjs#3830). Three things stop it there, each worked around below for
// the duration of the backend's start only:
// - its pthread workers are spawned from a `blob:` URL, which worker_threads refuses
//   (ERR_WORKER_PATH), so the worker script is written to a file instead;
// - each worker then loads the module script from another Blob it cannot read, so
//   the worker file is prefixed to load the package's own threaded script by path;
// - XNNPACK's pool is capped at half of os.cpus(), so on 2 cores it would get one
//   thread, so os.cpus() reports twice the threads asked for while it starts.
// Emscripten also ref()s the workers running pool threads, which would keep Node
// alive forever, so they are unref()ed once the pool is up.

export const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';
const ENV_VAR = 'TENSORLENS_WASM_THREADS';

export type WasmModule = typeof import('@tensorflow/tfjs-backend-wasm');
// The module object itself, not an import's copy of it: emscripten calls
// require('os').cpus(), so that is the one to patch.
const nodeOs = require('os') as typeof os;
interface Worker { unref(): void }
interface EmscriptenModule { PThread?: { runningWorkers: Worker[] } }

/**
 * Threads for the WASM backend: TENSORLENS_WASM_THREADS (1 = the single-threaded build), else the
 * model's own choice (`modelThreads`, at most one per core), else one per core. On 2 cores the IMDB
 * Conv1D trained at 294-349 samples/s threaded against 243-256 single.
 */
export function requestedWasmThreads(
  env: Record<string, string | undefined> = process.env,
  cores = nodeOs.availableParallelism(),
  modelThreads?: number,
): number {
  const raw = env[ENV_VAR];
  if (raw === undefined || raw === '') return Math.max(1, Math.min(cores, modelThreads ?? cores));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${ENV_VAR} must be a whole number >= 1, got '${raw}'`);
  return n;
}

/**
 * Threads of the started wasm backend (1 on the single-threaded build), for our own
 * kernels' splits. Required here, not imported: importing the package registers its
 * backend above cpu, before anything has chosen it.
 */
export function startedWasmThreads(): number {
  return Math.max(1, (require(WASM_PACKAGE) as WasmModule).getThreadsCount());
}

/** Writes the pthread worker script once per content and returns its path. */
function workerFile(): string {
  const outDir = path.join(path.dirname(require.resolve(`${WASM_PACKAGE}/package.json`)), 'wasm-out');
  const moduleScript = path.join(outDir, 'tfjs-backend-wasm-threaded-simd.js');
  const { wasmWorkerContents } = require(path.join(outDir, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  // The contents hold "\n" escapes that the template literal turned into newlines,
  // which tfjs puts back before making its Blob; the same is done here.
  const script = `URL.createObjectURL = () => ${JSON.stringify(moduleScript)}; URL.revokeObjectURL = () => {};\n`
    + wasmWorkerContents.replace(/\n/g, '\\n');
  const hash = createHash('sha256').update(script).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `tensorlens-wasm-worker-${hash}.cjs`);
  if (!fs.existsSync(file)) {
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, script);
    fs.renameSync(partial, file);
  }
  return file;
}

/** A matMul on the pool checked against plain JS: a broken pool gives wrong sums. */
function selfCheck(): void {
  const n = 64;
  const a = Array.from({ length: n * n }, (_, i) => ((i * 7) % 13) / 13);
  const b = Array.from({ length: n * n }, (_, i) => ((i * 5) % 11) / 11);
  const got = tf.tidy(() => tf.matMul(tf.tensor2d(a, [n, n]), tf.tensor2d(b, [n, n])).dataSync());
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let want = 0;
      for (let k = 0; k < n; k++) want += a[r * n + k] * b[k * n + c];
      if (Math.abs(got[r * n + c] - want) > 1e-3 * Math.max(1, Math.abs(want))) {
        throw new Error(`self-check matMul differs at [${r}, ${c}]: ${got[r * n + c]} vs ${want}`);
      }
    }
  }
}

/**
 * Starts the threaded wasm build with `threads` threads through `activate` (which
 * calls tf.setBackend('wasm')), and self-checks it. Throws with the reason when the
 * build does not start or fails its check; the caller then falls back.
 */
export async function startThreadedWasm(threads: number, activate: () => Promise<void>): Promise<void> {
  const wasm = require(WASM_PACKAGE) as WasmModule;
  const file = workerFile();
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  const { createObjectURL } = URL;
  const { cpus } = nodeOs;
  const cores = cpus();
  URL.createObjectURL = () => file;
  nodeOs.cpus = () => Array.from({ length: 2 * threads }, (_, i) => cores[i % cores.length]);
  try {
    await activate();
  } finally {
    URL.createObjectURL = createObjectURL;
    nodeOs.cpus = cpus;
  }
  const module = (tf.backend() as unknown as { wasm?: EmscriptenModule }).wasm;
  for (const worker of module?.PThread?.runningWorkers ?? []) worker.unref();
  const got = wasm.getThreadsCount();
  if (got < threads) throw new Error(`asked for ${threads} threads, the threaded build started ${got}`);
  selfCheck();
}

/**
 * Drops a started (or half-started) wasm backend so that the next tf.setBackend
 * starts the single-threaded build afresh.
 */
export function resetWasmBackend(): void {
  const factory = tf.findBackendFactory('wasm');
  const engine = tf.engine() as unknown as { registryFactory: Record<string, { priority: number }> };
  const priority = engine.registryFactory.wasm?.priority ?? 2;
  tf.removeBackend('wasm');
  if (factory) tf.registerBackend('wasm', factory, priority);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  (require(WASM_PACKAGE) as WasmModule).setThreadsCount(-1);
}
