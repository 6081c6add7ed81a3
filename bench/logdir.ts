/**
 * Opening TensorBoard logdirs: a generated logdir (20 runs × 10 tags × 50,000 scalar events plus
 * histograms, written with lib/logdir's writer) imported once into a fresh database, next to the
 * raw read of the same bytes and the raw insert rate of better-sqlite3 in the same run; then the
 * time from an append to an event file to the point on a chart in Chromium, through the server's
 * tailer. Prints figures, asserts nothing; the last line is JSON.
 *
 *   npm run bench:logdir -- [--runs 20] [--tags 10] [--steps 50000] [--appends 40] [--gap-ms 250]
 *
 * The latency part needs a production build (`npx next build`).
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { createApp } from '../lib/app-context';
import { importLogdirsOnce } from '../lib/import/import-logdirs';
import { computeHistogram } from '../lib/kinds/histogram/compute-histogram';
import { eventRecord, fileVersionRecord, histogramValue } from '../lib/logdir/event-writer';
import { parseLogdirSpec } from '../lib/logdir/logdir-spec';
import { encodeSimpleValueEvent } from '../lib/logdir/simple-value-event';
import { encodeRecord } from '../lib/logdir/tfrecord';
import { startServer } from '../server/start-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';

const root = resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    tags: { type: 'string', default: '10' },
    steps: { type: 'string', default: '50000' },
    appends: { type: 'string', default: '40' },
    'gap-ms': { type: 'string', default: '250' },
  },
});
const RUNS = Number(values.runs);
const TAGS = Number(values.tags);
const STEPS = Number(values.steps);
/** Keras' histogram_freq=1 on a small model: a few tensors, one histogram per "epoch" of 1,000 steps. */
const HISTOGRAM_TAGS = 4;
const HISTOGRAM_EVERY = 1000;
const T0 = 1_700_000_000;

const seconds = (since: number) => (performance.now() - since) / 1000;
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One run's event file, as a PyTorch SummaryWriter would write it: add_scalar per tag and step, add_histogram now and then. */
function writeRun(folder: string): number {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `events.out.tfevents.${T0}.bench`);
  writeFileSync(file, fileVersionRecord(T0));
  let events = 0;
  const piece: Uint8Array[] = [];
  for (let step = 0; step < STEPS; step++) {
    for (let t = 0; t < TAGS; t++) piece.push(encodeRecord(encodeSimpleValueEvent(T0 + step / 100, step, `train/metric_${t}`, Math.sin(step / 500 + t))));
    events += TAGS;
    if (step % HISTOGRAM_EVERY === HISTOGRAM_EVERY - 1) {
      for (let h = 0; h < HISTOGRAM_TAGS; h++) {
        const values = Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898 + h) * (1 + step / STEPS));
        piece.push(eventRecord({ wallTime: T0 + step / 100, step, summary: { value: [histogramValue(`layer_${h}/kernel_0/histogram`, computeHistogram(values))] } }));
        events++;
      }
    }
    if (piece.length >= 20_000) appendFileSync(file, Buffer.concat(piece.splice(0)));
  }
  appendFileSync(file, Buffer.concat(piece));
  return events;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The same bytes read from disk, nothing else done with them. */
function rawRead(dir: string): { mbPerS: number } {
  const started = performance.now();
  let bytes = 0;
  for (const file of files(dir)) bytes += readFileSync(file).length;
  return { mbPerS: bytes / 1e6 / seconds(started) };
}

/** better-sqlite3 alone, as bench:ingest measures it: one row per point, 1,000 rows per transaction. */
function rawInserts(dbPath: string, points: number): number {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE points (tag_id INTEGER, step INTEGER, wall_time REAL, value REAL, PRIMARY KEY (tag_id, step)) WITHOUT ROWID');
  const insert = db.prepare('INSERT INTO points VALUES (?, ?, ?, ?)');
  const batch = db.transaction((start: number) => {
    for (let i = start; i < Math.min(points, start + 1000); i++) insert.run(i % TAGS, Math.floor(i / TAGS), T0 + i, Math.random());
  });
  const started = performance.now();
  for (let start = 0; start < points; start += 1000) batch(start);
  const rate = points / seconds(started);
  db.close();
  return rate;
}

/** Observes the chart of `train/loss` and reports each new last step with the time it showed. */
const OBSERVE_CHART = `(() => {
  const chart = document.querySelector('.chart-card[data-family="loss"]');
  new MutationObserver(() => window.benchSeen(Number(chart.dataset.lastStep), Date.now()))
    .observe(chart, { attributes: true, attributeFilter: ['data-last-step'] });
})()`;

/** Appends one event at a time to a followed logdir and times each until the run page's chart shows it. */
async function tailLatency(dir: string, appends: number, gapMs: number): Promise<number[]> {
  const logdir = join(dir, 'live');
  const folder = join(logdir, 'fit');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `events.out.tfevents.${T0}.bench`);
  const scalar = (step: number) => encodeRecord(encodeSimpleValueEvent(T0 + step, step, 'train/loss', 1 / (step + 1)));
  writeFileSync(file, Buffer.concat([fileVersionRecord(T0), scalar(0)]));
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'tail.db'), dev: false, dir: root, logdirs: [parseLogdirSpec(logdir)], log: () => undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await server.logdirsRead;
    const [run] = (await (await fetch(`${server.url}/api/runs`)).json()) as { id: string }[];
    const page = await browser.newPage();
    await page.goto(`${server.url}/runs/${run.id}`);
    await page.locator('.chart-card[data-family="loss"][data-last-step="0"]').waitFor();
    const seen = new Map<number, number>();
    await page.exposeFunction('benchSeen', (step: number, at: number) => {
      if (!seen.has(step)) seen.set(step, at);
    });
    await page.evaluate(OBSERVE_CHART);
    const appended = new Map<number, number>();
    for (let step = 1; step <= appends; step++) {
      appended.set(step, Date.now());
      appendFileSync(file, scalar(step));
      await sleep(gapMs);
    }
    const deadline = Date.now() + 10_000;
    while (seen.size < appends && Date.now() < deadline) await sleep(20);
    return [...appended].filter(([step]) => seen.has(step)).map(([step, at]) => seen.get(step)! - at).sort((a, b) => a - b);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-bench-logdir-'));
  try {
    let started = performance.now();
    let events = 0;
    for (let r = 0; r < RUNS; r++) events += writeRun(join(dir, 'logdir', `run_${String(r).padStart(2, '0')}`));
    const bytes = files(join(dir, 'logdir')).reduce((n, f) => n + statSync(f).size, 0);
    console.log(`generated ${RUNS} runs × ${TAGS} tags × ${STEPS} steps: ${events.toLocaleString('en')} events, ${(bytes / 1e6).toFixed(0)} MB in ${seconds(started).toFixed(0)} s`);

    const read = rawRead(join(dir, 'logdir'));
    const raw = rawInserts(join(dir, 'raw.db'), Math.min(events, 2_000_000));
    const app = createApp(join(dir, 'import.db'));
    started = performance.now();
    const { tally } = await importLogdirsOnce(app, [parseLogdirSpec(join(dir, 'logdir'))]);
    const importSeconds = seconds(started);
    app.store.close();
    const stored = Object.values(tally.stored).reduce((a, b) => a + b, 0);
    if (stored !== events) throw new Error(`imported ${stored} of ${events} events`);
    const importRate = events / importSeconds;
    console.log(`raw read of the same bytes: ${read.mbPerS.toFixed(0)} MB/s`);
    console.log(`raw better-sqlite3 inserts: ${Math.round(raw).toLocaleString('en')} rows/s`);
    console.log(`first import: ${Math.round(importRate).toLocaleString('en')} events/s, ${(bytes / 1e6 / importSeconds).toFixed(1)} MB/s (${importSeconds.toFixed(1)} s), ratio to raw inserts ${(importRate / raw).toFixed(2)} (goal ≥ 0.5)`);

    const built = existsSync(join(root, '.next', 'BUILD_ID'));
    const appends = Number(values.appends);
    const latencies = built && appends > 0 ? await tailLatency(dir, appends, Number(values['gap-ms'])) : [];
    if (latencies.length > 0) console.log(`append → chart in Chromium, ${latencies.length} of ${appends} appends: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms (goal ≤ 1000)`);
    else console.log(`append → chart: ${built ? 'no append reached the chart' : 'skipped (no production build: run `npx next build`)'}`);
    console.log(
      JSON.stringify({
        bench: 'logdir',
        runs: RUNS,
        events,
        bytes,
        raw_read_mb_per_s: Math.round(read.mbPerS),
        raw_insert_rows_per_s: Math.round(raw),
        import_events_per_s: Math.round(importRate),
        import_mb_per_s: Number((bytes / 1e6 / importSeconds).toFixed(1)),
        import_ratio: Number((importRate / raw).toFixed(3)),
        tail_p50_ms: latencies.length ? percentile(latencies, 50) : null,
        tail_p95_ms: latencies.length ? percentile(latencies, 95) : null,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(`bench:logdir failed: ${e.message}`);
  process.exit(1);
});
