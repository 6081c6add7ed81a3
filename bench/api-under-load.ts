/**
 * How responsive `GET /api/runs` stays while 8 trainers stream 50,000 points each, next to the
 * same request on an idle server. The load runs in its own process, like real trainers; the
 * requests go one after another from this one, each timed from send to last byte.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { Run } from '../lib/client/run';

const CLIENTS = Number(process.env.BENCH_API_CLIENTS ?? 8);
const POINTS_PER_CLIENT = Number(process.env.BENCH_API_POINTS ?? 50_000);
const TAGS = ['batch/loss', 'batch/acc', 'batch/lr', 'batch/grad_norm'];
const IDLE_REQUESTS = 100;
/** A dashboard polls now and then; back-to-back requests would measure the server's throughput instead. */
const GAP_MS = 20;

function getRuns(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request({ host: '127.0.0.1', port, path: '/api/runs' }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`GET /api/runs answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function p95(ms: readonly number[]): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

/** The trainers: CLIENTS runs logging POINTS_PER_CLIENT points each, as fast as they can. */
export async function streamLoad(port: number): Promise<void> {
  const runs = Array.from({ length: CLIENTS }, (_, i) => new Run({ server: `http://127.0.0.1:${port}`, name: `load-${i}` }));
  for (let step = 0; step < POINTS_PER_CLIENT / TAGS.length; step++) {
    for (const run of runs) run.log(Object.fromEntries(TAGS.map((tag) => [tag, Math.random()])), step);
  }
  const delivered = await Promise.all(runs.map((run) => run.finish('finished', undefined, 600_000)));
  if (!delivered.every(Boolean)) throw new Error('the server did not confirm every point');
}

export interface ApiLatency {
  idleP95: number;
  loadP95: number;
  loadRequests: number;
  loadSeconds: number;
}

/** Times GET /api/runs idle, then under the load of `startLoad`, until that process exits. */
export async function measureApiLatency(port: number, startLoad: () => ChildProcess): Promise<ApiLatency> {
  const idle: number[] = [];
  for (let i = 0; i < IDLE_REQUESTS; i++) {
    idle.push(await getRuns(port));
    await sleep(GAP_MS);
  }
  const loaded: number[] = [];
  const t0 = performance.now();
  const load = startLoad();
  let running = true;
  const exited = new Promise<number | null>((resolve) => load.on('exit', (code) => resolve(code)));
  void exited.then(() => (running = false));
  while (running) {
    loaded.push(await getRuns(port));
    await sleep(GAP_MS);
  }
  if ((await exited) !== 0) throw new Error('the load did not complete');
  return { idleP95: p95(idle), loadP95: p95(loaded), loadRequests: loaded.length, loadSeconds: (performance.now() - t0) / 1000 };
}

/** The load as a process of its own: `tsx bench/ingest.ts --load PORT`. */
export function spawnLoad(script: string, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, '--load', String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
}

export const LOAD_DESCRIPTION = `${CLIENTS} clients × ${POINTS_PER_CLIENT.toLocaleString('en')} points`;
