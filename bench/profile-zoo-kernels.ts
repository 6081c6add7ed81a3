/**
 * Where a training step's time goes: per-kernel milliseconds (summed over one step, after
 * warm-up) of a bench model on a chosen backend, as `tsx bench/profile-zoo-kernels.ts MODEL`
 * with TENSORLENS_WASM_THREADS picking the wasm build. Prints the top kernels and the step's
 * wall time; kernels run back to back, so their sum is close to the step. PROFILE_KERNEL=Name
 * also lists that kernel's calls with their input shapes.
 */
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../trainer/backend/select-backend';
import { ZOO_BENCH_MODELS } from './trainer-zoo-models';

async function main(): Promise<void> {
  const [name, backend = 'wasm'] = process.argv.slice(2);
  const benchModel = ZOO_BENCH_MODELS[name];
  if (!benchModel) throw new Error(`unknown model "${name}"; known: ${Object.keys(ZOO_BENCH_MODELS).join(', ')}`);
  const info = await selectBackend(backend as 'wasm' | 'cpu');
  const model = benchModel.build();
  const { x, y } = benchModel.data(benchModel.batch);
  for (let i = 0; i < 2; i++) await model.trainOnBatch(x, y);
  const started = performance.now();
  const profile = await tf.profile(async () => void (await model.trainOnBatch(x, y)));
  const wall = performance.now() - started;
  const byKernel = new Map<string, { ms: number; calls: number }>();
  for (const k of profile.kernels) {
    const entry = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
    entry.ms += Number(k.kernelTimeMs) || 0;
    entry.calls += 1;
    byKernel.set(k.name, entry);
  }
  const rows = [...byKernel].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, e]) => s + e.ms, 0);
  console.log(`${benchModel.title}, batch ${benchModel.batch}, ${info.name} ${info.threads} thread(s); load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`step ${wall.toFixed(0)} ms (profiled), kernels ${total.toFixed(0)} ms in ${profile.kernels.length} calls`);
  for (const [kernel, e] of rows.slice(0, 18)) console.log(`${kernel.padEnd(36)} ${e.ms.toFixed(1).padStart(8)} ms ${String(e.calls).padStart(6)} calls`);
  for (const k of profile.kernels.filter((c) => c.name === process.env.PROFILE_KERNEL)) {
    console.log(`  ${k.name} ${JSON.stringify(k.inputShapes)} -> ${JSON.stringify(k.outputShapes)}: ${Number(k.kernelTimeMs).toFixed(1)} ms`);
  }
}

void main();
