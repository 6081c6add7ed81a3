import { runOn } from './kernel-harness';
import { THREAD_CASES, outputAndGradients } from './lstm-cases';

// Child of compute-fused-lstm.test.ts: the wasm build and its threads are fixed once per
// process (TENSORLENS_WASM_THREADS), so each thread count trains in a process of its own.
// runOn also checks that no tensor is left behind.
async function main(): Promise<void> {
  const { startedWasmThreads } = await import('../../../trainer/backend/wasm-threads');
  const results = [];
  for (const c of THREAD_CASES) results.push(await runOn('ours on wasm', () => outputAndGradients(c)));
  console.log(JSON.stringify({ threads: startedWasmThreads(), results }));
}

void main();
