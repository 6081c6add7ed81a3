/**
 * One IMDB Conv1D training step (lecture config, batch 128, maxLen 500) with the Embedding->Conv1D
 * fusion and without it (TENSORLENS_FUSE_EMBEDDING_CONV=0), alternated in one process so that a
 * loaded machine slows both alike: `tsx bench/embedding-conv-step.ts [wasm|cpu]`
 * (TENSORLENS_WASM_THREADS sets the wasm threads). Prints the median wall and CPU ms per step.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../trainer/backend/select-backend';
import { buildImdbConv1d } from '../trainer/models/imdb-conv1d';

const SWITCH = 'TENSORLENS_FUSE_EMBEDDING_CONV';
const ROUNDS = Number(process.env.ROUNDS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const info = await selectBackend((process.argv[2] ?? 'wasm') as 'wasm' | 'cpu');
  const model = buildImdbConv1d({ maxFeatures: 2000, maxLen: 500 });
  const x = tf.randomUniformInt([128, 500], 0, 2000);
  const y = tf.randomUniformInt([128, 1], 0, 2).toFloat();
  const times: Record<'fused' | 'unfused', { wall: number[]; cpu: number[] }> = { fused: { wall: [], cpu: [] }, unfused: { wall: [], cpu: [] } };
  for (let round = -1; round < ROUNDS; round++) {
    for (const mode of ['fused', 'unfused'] as const) {
      process.env[SWITCH] = mode === 'fused' ? '1' : '0';
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await model.trainOnBatch(x, y);
      const cpu = process.cpuUsage(cpuBefore);
      // Round -1 warms both paths up.
      if (round < 0) continue;
      times[mode].wall.push(performance.now() - started);
      times[mode].cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  for (const [mode, { wall, cpu }] of Object.entries(times)) {
    console.log(`${info.name}, ${info.threads} thread(s), ${mode.padEnd(7)}: ${median(wall).toFixed(0)} ms per step (${median(cpu).toFixed(0)} ms CPU), median of ${ROUNDS}`);
  }
}

void main();
