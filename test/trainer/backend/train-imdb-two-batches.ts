/**
 * Child process for wasm-threads.test.ts: selects wasm (threads come from
 * TENSORLENS_WASM_THREADS), trains the IMDB Conv1D 2 batches from fixed weights and
 * prints the backend and the trained weights as one JSON line, then returns without
 * disposing anything, so a pool worker left ref()ed would keep the process alive.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../trainer/backend/select-backend';
import { buildImdbConv1d } from '../../../trainer/models/imdb-conv1d';
import { rng } from './kernel-harness';

const MAX_FEATURES = 200;
const MAX_LEN = 60;
const BATCH = 16;

async function main(): Promise<void> {
  const backend = await selectBackend('wasm');
  const rand = rng(7);
  const model = buildImdbConv1d({ maxFeatures: MAX_FEATURES, maxLen: MAX_LEN, learningRate: 0.01 });
  model.setWeights(model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, () => (rand() - 0.5) * 0.2), w.shape)));
  const losses: number[] = [];
  for (let batch = 0; batch < 2; batch++) {
    const labels = Array.from({ length: BATCH }, (_, i) => (i + batch) % 2);
    const tokens = labels.flatMap((label) => Array.from({ length: MAX_LEN }, () => Math.floor(rand() * MAX_FEATURES / 2) + label * MAX_FEATURES / 2));
    const loss = await model.trainOnBatch(tf.tensor2d(tokens, [BATCH, MAX_LEN], 'int32'), tf.tensor2d(labels, [BATCH, 1]));
    losses.push(Array.isArray(loss) ? loss[0] : loss);
  }
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  console.log(JSON.stringify({ threads: backend.threads, fallbackReasons: backend.fallbackReasons, losses, weights }));
}

void main();
