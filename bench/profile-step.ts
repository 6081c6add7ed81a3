/**
 * Per-kernel time of one IMDB Conv1D training step (lecture config, batch 128) on a
 * backend: `tsx bench/profile-step.ts [wasm|cpu]` (TENSORLENS_WASM_THREADS sets the
 * wasm threads; PROFILE_SHAPES=1 lists every kernel call with its shapes). Kernels our kernels
 * run inside them are counted under both names. The CPU time of the unprofiled steps is the figure
 * to compare on a loaded machine.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../trainer/backend/select-backend';
import { buildImdbConv1d } from '../trainer/models/imdb-conv1d';

async function main(): Promise<void> {
  const backend = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu';
  const info = await selectBackend(backend);
  const model = buildImdbConv1d({ maxFeatures: 2000, maxLen: 500 });
  const x = tf.randomUniformInt([128, 500], 0, 2000);
  const y = tf.randomUniformInt([128, 1], 0, 2).toFloat();
  for (let i = 0; i < 2; i++) await model.trainOnBatch(x, y);
  const steps = 3;
  let started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
  const plain = (performance.now() - started) / steps;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 / steps;
  started = performance.now();
  const profile = await tf.profile(async () => {
    for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
  });
  const wall = (performance.now() - started) / steps;
  const byName = new Map<string, { ms: number; calls: number }>();
  for (const k of profile.kernels) {
    if (process.env.PROFILE_SHAPES) console.log(k.name, JSON.stringify(k.inputShapes), JSON.stringify(k.outputShapes), (await k.kernelTimeMs as number).toFixed(1));
    const entry = byName.get(k.name) ?? { ms: 0, calls: 0 };
    entry.ms += (await k.kernelTimeMs as number) / steps;
    entry.calls += 1 / steps;
    byName.set(k.name, entry);
  }
  console.log(`${info.name}, ${info.threads} thread(s): ${wall.toFixed(0)} ms per step profiled, ${plain.toFixed(0)} ms unprofiled (${cpuMs.toFixed(0)} ms of CPU time)`);
  for (const [name, { ms, calls }] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
    console.log(`${name.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  ${calls.toFixed(0)} calls`);
  }
}

void main();
