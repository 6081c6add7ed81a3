/**
 * How long a logged point takes to reach a chart: from `run.log()` in a trainer to the run page's
 * chart holding it, through ingest, SQLite, the live push and the browser's redraw. Prints figures,
 * asserts nothing.
 *
 *   npm run bench:latency -- [--points 300] [--gap-ms 20] [--flush-ms N]
 *
 * Needs a production build (`npx next build`). --flush-ms overrides the client's batching
 * interval (RunArgs.flushIntervalMs), which is part of what a trainer's point waits for.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { Run } from '../lib/client/run';
import { startServer } from '../server/start-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';

const root = resolve(__dirname, '..');

const { values } = parseArgs({
  options: {
    points: { type: 'string', default: '300' },
    'gap-ms': { type: 'string', default: '20' },
    'flush-ms': { type: 'string' },
  },
});
const points = Number(values.points);
const gapMs = Number(values['gap-ms']);
const flushMs = values['flush-ms'] === undefined ? undefined : Number(values['flush-ms']);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * Runs in the page. A string, not a function: tsx would add its own helpers to a function's
 * source, and they do not exist in the browser.
 */
const OBSERVE_CHART = `(() => {
  const chart = document.querySelector('.chart-card[data-family="loss"]');
  new MutationObserver(() => window.benchSeen(Number(chart.dataset.lastStep), Date.now()))
    .observe(chart, { attributes: true, attributeFilter: ['data-last-step'] });
})()`;

async function main(): Promise<void> {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) throw new Error('no production build: run `npx next build` first');
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-bench-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'bench.db'), dev: false, dir: root, log: () => undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const run = new Run({ server: server.url, name: 'latency-bench', flushIntervalMs: flushMs });
  try {
    run.log({ 'batch/loss': 1 }, 0);
    if (!(await run.drained(10_000))) throw new Error('the server did not acknowledge the first point');
    const page = await browser.newPage();
    await page.goto(`${server.url}/runs/${run.id}`);
    await page.locator('.chart-card[data-family="loss"][data-last-step="0"]').waitFor();

    const sent = new Map<number, number>();
    const seen = new Map<number, number>();
    let lastSeen = 0;
    // A redraw may bring several points at once; each gets the time its step first showed up.
    await page.exposeFunction('benchSeen', (step: number, at: number) => {
      for (let s = lastSeen + 1; s <= step; s++) seen.set(s, at);
      lastSeen = Math.max(lastSeen, step);
    });
    await page.evaluate(OBSERVE_CHART);

    for (let step = 1; step <= points; step++) {
      sent.set(step, Date.now());
      run.log({ 'batch/loss': 1 / (step + 1) }, step);
      await sleep(gapMs);
    }
    const deadline = Date.now() + 10_000;
    while (seen.size < points && Date.now() < deadline) await sleep(20);

    const latencies = [...seen].map(([step, at]) => at - sent.get(step)!).sort((a, b) => a - b);
    const missing = points - latencies.length;
    if (latencies.length === 0) throw new Error('the chart showed none of the streamed points');
    const result = {
      bench: 'latency',
      points,
      gap_ms: gapMs,
      flush_ms: flushMs ?? 'client default',
      p50_ms: percentile(latencies, 50),
      p95_ms: percentile(latencies, 95),
      max_ms: latencies[latencies.length - 1],
      mean_ms: Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
      missing,
    };
    console.log(`log() → chart, ${latencies.length} points, ${gapMs} ms apart, client flush ${flushMs === undefined ? 'default' : `${flushMs} ms`}`);
    console.log(`  p50 ${result.p50_ms} ms   p95 ${result.p95_ms} ms   max ${result.max_ms} ms   mean ${result.mean_ms} ms${missing ? `   MISSING ${missing}` : ''}`);
    console.log(JSON.stringify(result));
  } finally {
    run.close();
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(`bench:latency failed: ${e.message}`);
  process.exit(1);
});
