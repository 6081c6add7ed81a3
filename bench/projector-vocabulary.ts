/**
 * What `--max-features` costs end to end: a real IMDB Conv1D trainer at each vocabulary size, with
 * `--embeddings-freq 1`, streaming into a fresh SQLite file; then, on a matrix of that size, what one
 * snapshot costs the trainer (reading the weights and encoding the chunks), the server (storing the
 * chunks) and the projector (PCA). Prints figures, asserts nothing; the last line is JSON.
 *
 *   IMDB_DATA=…/aclImdb_v1_labeled.tar.gz npx tsx bench/projector-vocabulary.ts [--sizes 20000,100000] [--train-samples 512]
 *
 * A size past the training set's vocabulary keeps every word it holds (81,391 rows with the reserved four).
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { createApp } from '../lib/app-context';
import { pca2d } from '../lib/kinds/embedding/pca';
import { embeddingChunks } from '../lib/kinds/embedding/writer';
import { decodeBase64, float32FromBytes } from '../lib/kinds/embedding/float32-base64';
import { embeddingWeights } from '../trainer/callbacks/record-embeddings';
import { buildImdbConv1d } from '../trainer/models/imdb-conv1d';
import { imdbDataPath } from '../test/helpers/imdb-data';
import { runTrainer } from '../test/helpers/run-trainer';
import { startSocketServer } from '../test/helpers/socket-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '20000,100000' }, 'train-samples': { type: 'string', default: '512' } } });
const sizes = values.sizes!.split(',').map(Number);
const trainSamples = values['train-samples']!;
const data = imdbDataPath();
if (!data) throw new Error('set IMDB_DATA to the aclImdb archive');

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A trainer run at this vocabulary size: seconds per epoch, and what reached the database. */
async function train(dir: string, maxFeatures: number) {
  const dbPath = join(dir, `train-${maxFeatures}.db`);
  const server = await startSocketServer(dbPath);
  const started = Date.now();
  const { code, output } = await runTrainer(['--model', 'imdb-conv1d', '--epochs', '2', '--train-samples', trainSamples, '--test-samples', '256',
    '--max-len', '200', '--batch-size', '64', '--embeddings-freq', '1', '--max-features', String(maxFeatures), '--run-name', `vocab-${maxFeatures}`,
    '--server', server.url, '--data', data!]);
  const wallS = (Date.now() - started) / 1000;
  await server.close();
  if (code !== 0) throw new Error(`trainer exited ${code}:\n${output.slice(-3000)}`);
  const app = createApp(dbPath);
  const [run] = app.store.listRuns();
  const epochs = app.tables.scalar.read(run.id, 'epoch/time', 100)!.points.map((p) => Number((p as unknown as { value?: number }).value ?? (p as unknown as number[])[2]));
  const snapshots = app.tables.embedding.snapshots.list(run.id);
  const vocabularyWords = app.tables.embedding.readVocabulary(run.id)?.words.length ?? 0;
  app.store.close();
  return { wallS, epochS: epochs, status: run.status, snapshots: snapshots.map((s) => `${s.rows}x${s.dim}@${s.step}`), vocabularyWords, dbMb: statSync(dbPath).size / 2 ** 20 };
}

/** One snapshot of a rows x 128 Embedding: the trainer's read and encode, the server's decode and store, and PCA. */
async function snapshotCost(dir: string, rows: number) {
  const model = buildImdbConv1d({ maxFeatures: rows, maxLen: 200 });
  let start = process.hrtime.bigint();
  const [weights] = embeddingWeights(model);
  const readMs = ms(start);
  start = process.hrtime.bigint();
  const chunks = embeddingChunks(weights.tag, weights.matrix, weights.rows, weights.dim, 1, 1, Date.now());
  const encodeMs = ms(start);
  const app = createApp(join(dir, `snap-${rows}.db`));
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  start = process.hrtime.bigint();
  for (const c of chunks) {
    const values = float32FromBytes(decodeBase64(c.values)!);
    app.store.transaction(() => app.tables.embedding.snapshots.write('r', { ...c, values }));
  }
  const storeMs = ms(start);
  start = process.hrtime.bigint();
  const matrix = app.tables.embedding.snapshots.read('r', weights.tag, 1)!.matrix;
  const readBackMs = ms(start);
  start = process.hrtime.bigint();
  pca2d(matrix, weights.rows, weights.dim);
  const pcaMs = ms(start);
  app.store.close();
  model.dispose();
  return { rows, chunks: chunks.length, wireMb: chunks.reduce((n, c) => n + c.values.length, 0) / 2 ** 20, readMs, encodeMs, storeMs, readBackMs, pcaMs };
}

async function main() {
  await tf.ready();
  const dir = mkdtempSync(join(tmpdir(), 'bench-vocab-'));
  const result: Record<string, unknown> = { trainSamples: Number(trainSamples), load: loadavg().map((l) => +l.toFixed(2)) };
  try {
    for (const size of sizes) {
      const trained = await train(dir, size);
      console.log(`--max-features ${size}: ${JSON.stringify(trained)}`);
      const rows = Number(trained.snapshots[0]?.split('x')[0] ?? size);
      const snapshot = await snapshotCost(dir, rows);
      console.log(`snapshot ${rows} x 128: ${JSON.stringify(snapshot)}`);
      result[`train_${size}`] = trained;
      result[`snapshot_${size}`] = snapshot;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  result.loadAfter = loadavg().map((l) => +l.toFixed(2));
  console.log(JSON.stringify(result));
}

void main();
