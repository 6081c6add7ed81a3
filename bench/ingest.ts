/**
 * Ingest throughput: points/s through the real WebSocket into SQLite (server in its own process,
 * as in production) next to raw better-sqlite3 inserts of the same rows, measured in one run; then
 * the p95 of `GET /api/runs` under the load of 8 trainers, next to idle (bench/api-under-load.ts).
 * That request goes through Next's production build when .next/ has one, else through the route's
 * own handler alone.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Run } from '../lib/client/run';
import { createApp, openApp } from '../lib/app-context';
import { attachSockets } from '../server/attach-sockets';
import { LiveHub } from '../server/live-hub';
import { startServer } from '../server/start-server';
import { LOAD_DESCRIPTION, measureApiLatency, spawnLoad, streamLoad } from './api-under-load';

const POINTS = Number(process.env.BENCH_POINTS ?? 400_000);
const TAGS = ['batch/loss', 'batch/acc', 'batch/lr', 'batch/grad_norm'];
const BATCH = 1000;

const root = resolve(__dirname, '..');
const hasBuild = () => existsSync(join(root, '.next', 'BUILD_ID'));

/**
 * Only /api/runs, through the route's own handler: what the API costs without Next's router.
 * Loaded on demand: once loaded, the route's modules keep Next's own server from starting.
 */
async function answerRuns(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url !== '/api/runs') return void res.writeHead(404).end();
  const [{ NextRequest }, { GET: getRuns }] = await Promise.all([import('next/server'), import('../app/api/runs/route')]);
  const response = await getRuns(new NextRequest(`http://127.0.0.1${req.url}`), { params: Promise.resolve({}) });
  res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The server process: ingest alone for the throughput rounds; for the API round the whole server
 * (Next's production build) when there is one, else ingest plus the /api/runs handler.
 */
async function serve(dbPath: string, api: boolean): Promise<void> {
  if (api && hasBuild()) {
    const server = await startServer({ port: 0, host: '127.0.0.1', dbPath, dev: false, dir: root, log: (line) => console.error(line) });
    console.log(`port ${new URL(server.url).port}`);
    return;
  }
  process.env.TENSORLENS_DB = dbPath;
  const server = createServer((req, res) => void (api ? answerRuns(req, res) : res.writeHead(404).end()));
  // The /api/runs handler finds this very app through TENSORLENS_DB.
  const app = openApp(dbPath);
  attachSockets(server, app, { live: new LiveHub(app), projections: null }, (line) => console.error(line));
  server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as AddressInfo).port}`));
}

function rawInserts(dbPath: string): number {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE points (tag_id INTEGER, step INTEGER, wall_time REAL, value REAL, PRIMARY KEY (tag_id, step)) WITHOUT ROWID');
  const insert = db.prepare('INSERT INTO points VALUES (?, ?, ?, ?)');
  const writeBatch = db.transaction((start: number) => {
    for (let i = start; i < Math.min(POINTS, start + BATCH); i++) insert.run(i % TAGS.length, Math.floor(i / TAGS.length), Date.now(), Math.random());
  });
  const t0 = performance.now();
  for (let start = 0; start < POINTS; start += BATCH) writeBatch(start);
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return POINTS / seconds;
}

async function startServerProcess(dbPath: string, api = false) {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, api ? '--serve-api' : '--serve', dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  // Next prints its own lines first.
  let printed = '';
  const port = await new Promise<number>((resolve) =>
    child.stdout.on('data', (d) => {
      const found = /^port (\d+)$/m.exec((printed += d));
      if (found) resolve(Number(found[1]));
    }),
  );
  return { child, port };
}

async function throughWebSocket(dbPath: string): Promise<number> {
  const { child, port } = await startServerProcess(dbPath);
  try {
    const run = new Run({ server: `http://127.0.0.1:${port}`, name: 'bench-ingest' });
    await run.drained(10_000);
    const t0 = performance.now();
    const perStep = TAGS.length;
    for (let step = 0; step < POINTS / perStep; step++) {
      const metrics: Record<string, number> = {};
      for (const tag of TAGS) metrics[tag] = Math.random();
      run.log(metrics, step);
    }
    if (!(await run.drained(600_000))) throw new Error('server did not acknowledge every point');
    const seconds = (performance.now() - t0) / 1000;
    run.close();
    return POINTS / seconds;
  } finally {
    child.kill();
  }
}

/** Rounds alternate raw and WebSocket runs so that a busy neighbour slows both alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    const raws: number[] = [];
    const wss: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      raws.push(rawInserts(join(dir, `raw-${round}.db`)));
      wss.push(await throughWebSocket(join(dir, `ws-${round}.db`)));
      const check = createApp(join(dir, `ws-${round}.db`));
      const stored = check.store.listRuns().flatMap((r) => check.tables.scalar.listTags(r.id)).reduce((n, t) => n + t.count, 0);
      check.store.close();
      if (stored !== POINTS) throw new Error(`round ${round}: stored ${stored} of ${POINTS} points`);
      console.log(`round ${round + 1}: raw ${Math.round(raws[round]).toLocaleString('en')} points/s, WebSocket → SQLite ${Math.round(wss[round]).toLocaleString('en')} points/s, ratio ${(wss[round] / raws[round]).toFixed(2)}`);
    }
    const ratios = raws.map((raw, i) => wss[i] / raw);
    const raw = median(raws);
    const ws = median(wss);
    console.log(`points per round: ${POINTS} (${TAGS.length} tags, every one stored and acknowledged)`);
    console.log(`median: raw better-sqlite3 inserts ${Math.round(raw).toLocaleString('en')} points/s, WebSocket → SQLite ${Math.round(ws).toLocaleString('en')} points/s`);
    console.log(`ratio: median ${median(ratios).toFixed(2)} (goal ≥ 0.5)`);
    const { child, port } = await startServerProcess(join(dir, 'api.db'), true);
    const api = await measureApiLatency(port, () => spawnLoad(__filename, port)).finally(() => child.kill());
    const servedBy = hasBuild() ? "Next's production build" : 'its route handler alone (no build in .next/)';
    console.log(`GET /api/runs, served by ${servedBy}, p95: idle ${api.idleP95.toFixed(1)} ms, under ${LOAD_DESCRIPTION} ${api.loadP95.toFixed(1)} ms (${api.loadRequests} requests over ${api.loadSeconds.toFixed(1)} s; goal ≤ 100 ms)`);
    console.log(
      JSON.stringify({
        bench: 'ingest', points: POINTS, rounds: ROUNDS, raw_points_per_s: Math.round(raw), ws_points_per_s: Math.round(ws), ratio: Number(median(ratios).toFixed(3)),
        api_runs_p95_ms_idle: Number(api.idleP95.toFixed(1)), api_runs_p95_ms_under_load: Number(api.loadP95.toFixed(1)),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve' || process.argv[2] === '--serve-api') void serve(process.argv[3], process.argv[2] === '--serve-api');
else if (process.argv[2] === '--load') void streamLoad(Number(process.argv[3])).then(() => process.exit(0));
else void main();
