/**
 * Writes the data set bench:compare opens: 50 runs × 4 tags × 100,000 points in one SQLite file,
 * as a hyperparameter sweep would leave them (noisy decaying losses, rising accuracies, a cosine
 * learning rate, log-normal gradient norms, a few NaN and Infinity spikes, one run that diverged),
 * and prints how long generating and storing took.
 *
 *   tsx bench/generate-compare-data.ts [path]      (default logs/compare-bench.db; must not exist)
 *   BENCH_RUNS=5 BENCH_POINTS=1000 for a small one.
 *
 * The data is seeded: the same sizes always give the same file.
 */
import { existsSync, statSync } from 'node:fs';
import { type AppContext, createApp } from '../lib/app-context';
import type { ScalarColumnsData } from '../lib/kinds/scalar/points';
import type { RunStartFields, RunStatus } from '../lib/protocol/ingest-messages';
import { seededRandom } from '../lib/seeded-random';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const POINTS = Number(process.env.BENCH_POINTS ?? 100_000);
const TAGS = ['batch/loss', 'batch/acc', 'batch/lr', 'batch/grad_norm'] as const;
/** Steps per store call, per tag: a transaction of 100,000 points, as a long ingest would commit. */
const SLICE = 25_000;
const FIRST_START = Date.UTC(2025, 0, 6, 9, 0, 0);

interface GeneratedRun {
  start: RunStartFields;
  status: RunStatus;
  error: string | null;
  columns: ScalarColumnsData[];
}

function pick<T>(random: () => number, options: readonly T[]): T {
  return options[Math.floor(random() * options.length)];
}

/** Box–Muller: a standard normal from two uniforms. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function generateRun(index: number): GeneratedRun {
  const random = seededRandom(1_000 + index);
  const lr = Number((10 ** (-4 + 2 * random())).toPrecision(1));
  const batchSize = pick(random, [32, 64, 128]);
  const optimizer = pick(random, ['adam', 'sgd', 'rmsprop']);
  const config = { lr, batch_size: batchSize, optimizer: { name: optimizer }, dropout: pick(random, [0, 0.2, 0.5]), seed: index };
  const id = `bench-${String(index).padStart(2, '0')}`;
  const startedAt = FIRST_START + index * 3_600_000;
  const running = index >= RUNS - 2;
  const diverges = index === 13;
  const spiky = index % 7 === 3;

  const tau = POINTS * (0.05 + 0.3 * random());
  const floor = 0.15 + 0.2 * random();
  const stepMs = 20 + batchSize / 4;
  const steps: number[] = [];
  const wallTimes: number[] = [];
  const series: number[][] = TAGS.map(() => []);
  for (let t = 0; t < POINTS; t++) {
    const decay = Math.exp(-t / tau);
    steps.push(t);
    wallTimes.push(startedAt + t * stepMs + Math.floor(5 * random()));
    series[0].push(Math.max(1e-3, floor + (Math.LN2 - floor) * decay + 0.08 * (0.3 + decay) * normal(random)));
    series[1].push(Math.min(1, Math.max(0, 1 - 0.5 * decay - 0.4 * floor + 0.03 * normal(random))));
    series[2].push(lr * 0.5 * (1 + Math.cos((Math.PI * t) / POINTS)));
    series[3].push(Math.exp(Math.log(1 + 2 * decay) + 0.3 * normal(random)));
  }
  if (spiky) {
    for (let k = 0; k < 5; k++) {
      series[0][Math.floor(random() * POINTS)] = NaN;
      series[3][Math.floor(random() * POINTS)] = pick(random, [NaN, Infinity]);
    }
  }
  if (diverges) for (let t = Math.floor(POINTS * 0.8); t < POINTS; t++) series[0][t] = NaN;

  return {
    start: { id, name: `sweep ${optimizer} lr=${lr} bs=${batchSize}`, model: pick(random, ['imdb-conv1d', 'imdb-lstm']), backend: 'bench', config, startedAt },
    status: running ? 'running' : diverges ? 'failed' : 'finished',
    error: diverges ? 'batch/loss became NaN' : null,
    columns: TAGS.map((tag, k) => ({ tag, steps, wallTimes, values: series[k] })),
  };
}

/** Through the store and the scalar kind's table, as ingest writes: one transaction per slice. */
function storeRun({ store, tables }: AppContext, run: GeneratedRun): void {
  store.upsertRun(run.start);
  for (let from = 0; from < POINTS; from += SLICE) {
    const slice = run.columns.map((c) => ({ tag: c.tag, steps: c.steps.slice(from, from + SLICE), wallTimes: c.wallTimes.slice(from, from + SLICE), values: c.values.slice(from, from + SLICE) }));
    store.transaction(() => {
      tables.scalar.write(run.start.id, slice);
      store.touchRun(run.start.id, slice[0].wallTimes[slice[0].wallTimes.length - 1]);
    });
  }
  if (run.status !== 'running') store.setRunStatus(run.start.id, run.status, run.error, run.columns[0].wallTimes[POINTS - 1]);
}

export interface GeneratedData {
  runIds: string[];
  points: number;
  generateMs: number;
  storeMs: number;
}

/** Writes the sweep into `path` (which must not exist yet) and says what it wrote and how long it took. */
export function generateCompareData(path: string): GeneratedData {
  if (existsSync(path)) throw new Error(`${path} exists: remove it or name another file`);
  const app = createApp(path);
  const runIds: string[] = [];
  let generateMs = 0;
  let storeMs = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const run = generateRun(i);
      const t1 = performance.now();
      storeRun(app, run);
      runIds.push(run.start.id);
      generateMs += t1 - t0;
      storeMs += performance.now() - t1;
    }
  } finally {
    app.store.close();
  }
  return { runIds, points: RUNS * TAGS.length * POINTS, generateMs, storeMs };
}

function main(): void {
  const path = process.argv[2] ?? 'logs/compare-bench.db';
  let data: GeneratedData;
  try {
    data = generateCompareData(path);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const { points, generateMs, storeMs } = data;
  const bytes = statSync(path).size;
  console.log(`${RUNS} runs × ${TAGS.length} tags × ${POINTS.toLocaleString('en')} points = ${points.toLocaleString('en')} points into ${path}`);
  console.log(`generate ${(generateMs / 1000).toFixed(1)} s, store ${(storeMs / 1000).toFixed(1)} s (${Math.round(points / (storeMs / 1000)).toLocaleString('en')} points/s), file ${(bytes / 2 ** 20).toFixed(0)} MiB`);
  console.log(JSON.stringify({ runs: RUNS, tags: TAGS.length, points, generate_ms: Math.round(generateMs), store_ms: Math.round(storeMs), db_bytes: bytes }));
}

// Run as a script; bench/compare.ts imports generateCompareData instead.
if (require.main === module) main();
