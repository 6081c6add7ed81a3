import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { registerTrainingKernels } from './register-kernels';
import { requestedWasmThreads, resetWasmBackend, startThreadedWasm, WASM_PACKAGE, type WasmModule } from './wasm-threads';

export type BackendPreference = 'auto' | 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: 'tensorflow' | 'wasm' | 'cpu';
  package: string;
  threads: number;
  /** Kernels Tensorlens registered (added or replaced) on this backend. */
  kernels: string[];
  /** Why each candidate tried before the chosen one was skipped, in order. */
  fallbackReasons: string[];
}

interface Candidate {
  preference: Exclude<BackendPreference, 'auto'>;
  name: BackendInfo['name'];
  package: string;
  /** Makes the backend registered with tfjs; throws with the reason when it cannot be. */
  load(): void;
  /** Makes it the active backend; the default is tf.setBackend. May add fallback reasons. */
  activate?(fallbackReasons: string[], modelThreads?: number): Promise<void>;
  threads(): number;
}

// Backend packages are required lazily and by a computed name: the tfjs-node ones
// are optional (their install downloads libtensorflow), so there is no static import
// for tsc or a bundler to resolve, a missing package is just a fallback reason, and
// the wasm module is only loaded when it is the one picked.
function requireOptional(name: string): unknown {
  return require(name);
}

function loadWasm(): void {
  const wasm = requireOptional(WASM_PACKAGE) as WasmModule;
  const binary = require.resolve(`${WASM_PACKAGE}/dist/tfjs-backend-wasm.wasm`);
  wasm.setWasmPaths(path.dirname(binary) + path.sep);
  // The single-threaded (SIMD) build unless activateWasm starts the threaded one:
  // tfjs's own feature test says no threads under Node, and forcing it needs the
  // workarounds in wasm-threads.ts.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
}

async function activateWasm(fallbackReasons: string[], modelThreads?: number): Promise<void> {
  // An already started wasm backend is kept as it is, threaded or not.
  if (!tf.findBackend('wasm')) {
    try {
      const threads = requestedWasmThreads(process.env, os.availableParallelism(), modelThreads);
      if (threads > 1) {
        await startThreadedWasm(threads, () => activate('wasm'));
        return;
      }
    } catch (err) {
      fallbackReasons.push(`${WASM_PACKAGE} threaded build: ${reasonOf(err)}`);
      resetWasmBackend();
    }
  }
  await activate('wasm');
}

const CANDIDATES: Candidate[] = [
  {
    preference: 'tensorflow-gpu', name: 'tensorflow', package: '@tensorflow/tfjs-node-gpu',
    load: () => void requireOptional('@tensorflow/tfjs-node-gpu'),
    threads: () => os.availableParallelism(),
  },
  {
    preference: 'tensorflow', name: 'tensorflow', package: '@tensorflow/tfjs-node',
    load: () => void requireOptional('@tensorflow/tfjs-node'),
    threads: () => os.availableParallelism(),
  },
  {
    preference: 'wasm', name: 'wasm', package: WASM_PACKAGE, load: loadWasm, activate: activateWasm,
    threads: () => (requireOptional(WASM_PACKAGE) as WasmModule).getThreadsCount(),
  },
  { preference: 'cpu', name: 'cpu', package: '@tensorflow/tfjs-backend-cpu', load: () => undefined, threads: () => 1 },
];

function reasonOf(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'MODULE_NOT_FOUND' && typeof e.message === 'string') return e.message.split('\n')[0];
  return e?.message ?? String(err);
}

/**
 * tf.setBackend reports a failed initialisation only through console.warn. The
 * warnings are captured so the reason can be returned instead of printed; any that
 * turn out not to be about a failure are passed on untouched.
 */
async function activate(name: string): Promise<void> {
  const warnings: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args);
  let ok = false;
  try {
    ok = await tf.setBackend(name);
    if (ok) await tf.ready();
  } finally {
    console.warn = warn;
  }
  if (!ok) {
    const reason = warnings.map((w) => w.map(String).join(' ').split('\n')[0]).join('; ');
    throw new Error(`tf.setBackend('${name}') failed${reason ? `: ${reason}` : ''}`);
  }
  for (const w of warnings) warn(...w);
}

/**
 * Picks the fastest available tfjs backend, starting at `preference` and falling
 * back along tfjs-node-gpu, tfjs-node, wasm, cpu. Registers Tensorlens's training
 * kernels for the backend it picks. Prints nothing; reasons are returned.
 * `modelThreads` is the model's own wasm thread count (ModelEntry.wasmThreads);
 * TENSORLENS_WASM_THREADS overrides it.
 */
export async function selectBackend(preference: BackendPreference = 'auto', modelThreads?: number): Promise<BackendInfo> {
  const start = preference === 'auto' ? 0 : CANDIDATES.findIndex((c) => c.preference === preference);
  if (start < 0) throw new Error(`Unknown backend preference '${preference}'`);
  const fallbackReasons: string[] = [];
  for (const candidate of CANDIDATES.slice(start)) {
    try {
      candidate.load();
      if (!tf.findBackendFactory(candidate.name)) {
        throw new Error(`${candidate.package} loaded but registered no '${candidate.name}' backend`);
      }
      await (candidate.activate ? candidate.activate(fallbackReasons, modelThreads) : activate(candidate.name));
    } catch (err) {
      fallbackReasons.push(`${candidate.package}: ${reasonOf(err)}`);
      continue;
    }
    return {
      name: candidate.name,
      package: candidate.package,
      threads: candidate.threads(),
      kernels: registerTrainingKernels(candidate.name),
      fallbackReasons,
    };
  }
  throw new Error(`No tfjs backend could be started: ${fallbackReasons.join(' | ')}`);
}
