/**
 * Query: time to serve a 1,000,000-point series downsampled for the chart, from a cold store
 * (fresh connection) and a warm one, and over HTTP from the real server as the chart fetches it,
 * next to reading every raw row of the same series.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../lib/app-context';
import { DEFAULT_MAX_POINTS, toColumns } from '../lib/kinds/scalar/meta';
import type { TaggedPoint } from '../lib/kinds/scalar/points';
import { startServer } from '../server/start-server';

const POINTS = Number(process.env.BENCH_POINTS ?? 1_000_000);
const REPEATS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The API route as the chart calls it, through Next's production build when one exists. */
async function overHttp(path: string): Promise<number[] | null> {
  const root = join(__dirname, '..');
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) return null;
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath: path, dev: false, dir: root, log: () => undefined });
  try {
    const url = `${server.url}/api/runs/big/scalars/batch/loss?max_points=${DEFAULT_MAX_POINTS}`;
    const times: number[] = [];
    for (let i = 0; i < REPEATS + 3; i++) {
      const t0 = performance.now();
      const body = (await (await fetch(url)).json()) as { points: unknown[] };
      if (body.points.length < DEFAULT_MAX_POINTS / 2) throw new Error(`served only ${body.points.length} points`);
      if (i >= 3) times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b);
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-query-'));
  const path = join(dir, 'q.db');
  try {
    const writer = createApp(path);
    writer.store.upsertRun({ id: 'big', name: 'big', model: '', backend: '', config: {}, startedAt: 0 });
    const t0 = performance.now();
    for (let start = 0; start < POINTS; start += 10_000) {
      const batch: TaggedPoint[] = [];
      for (let step = start; step < Math.min(POINTS, start + 10_000); step++) {
        batch.push(['batch/loss', step, step, Math.exp(-step / 200_000) + 0.05 * Math.sin(step)]);
      }
      writer.tables.scalar.write('big', toColumns(batch));
    }
    console.log(`wrote ${POINTS.toLocaleString('en')} points in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    writer.store.close();

    const coldApp = createApp(path);
    let served = 0;
    const cold = time(() => (served = coldApp.read.scalar.series('big', 'batch/loss', DEFAULT_MAX_POINTS).points.length));
    const warm = Array.from({ length: REPEATS }, () => time(() => coldApp.read.scalar.series('big', 'batch/loss', DEFAULT_MAX_POINTS))).sort((a, b) => a - b);
    coldApp.store.close();

    const db = new Database(path, { readonly: true });
    const rawRead = time(() => db.prepare('SELECT step, wall_time, value FROM scalars').raw(true).all());
    db.close();

    console.log(`served ${served} points (max_points ${DEFAULT_MAX_POINTS}) of ${POINTS.toLocaleString('en')}`);
    console.log(`cold: ${cold.toFixed(1)} ms   warm p50: ${percentile(warm, 0.5).toFixed(1)} ms   warm p95: ${percentile(warm, 0.95).toFixed(1)} ms   (goal < 50 ms)`);
    console.log(`reading every raw row instead: ${rawRead.toFixed(0)} ms (ratio ${(rawRead / percentile(warm, 0.5)).toFixed(0)}×)`);
    const http = await overHttp(path);
    if (http) console.log(`HTTP GET through the API (JSON, ${DEFAULT_MAX_POINTS} points): p50 ${percentile(http, 0.5).toFixed(1)} ms   p95 ${percentile(http, 0.95).toFixed(1)} ms`);
    else console.log('HTTP leg skipped: run `npm run build` first');
    console.log(JSON.stringify({
      bench: 'query', points: POINTS, served, cold_ms: +cold.toFixed(2), warm_p50_ms: +percentile(warm, 0.5).toFixed(2), warm_p95_ms: +percentile(warm, 0.95).toFixed(2),
      http_p50_ms: http ? +percentile(http, 0.5).toFixed(2) : null, http_p95_ms: http ? +percentile(http, 0.95).toFixed(2) : null, raw_read_ms: +rawRead.toFixed(1),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
