import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { LiveEvent } from '../../lib/app-context';
import { Run } from '../../lib/client/run';
import { LIVE_PATH } from '../../lib/protocol/version';
import type { SocketServer } from './socket-server';
import type { tempDir } from './temp-dir';

export interface WatchedRun {
  run: Run;
  /** Every push the dashboard received, in order. */
  pushes: LiveEvent[];
}

/**
 * A run the server already knows (one point delivered), and a dashboard subscribed to it over the real
 * live socket. The server answers a subscription with the run first, so once that arrived every later
 * push reaches `pushes`.
 */
export async function watchedRun(t: Parameters<typeof tempDir>[0], server: SocketServer, name: string, now: number): Promise<WatchedRun> {
  const run = new Run({ server: server.url, name, nowFunc: () => now });
  run.log({ 'batch/loss': 0.5 }, 1);
  assert.equal(await run.drained(10_000), true);
  const dashboard = new WebSocket(`ws://127.0.0.1:${server.port}${LIVE_PATH}`);
  t.after(() => dashboard.close());
  const pushes: LiveEvent[] = [];
  dashboard.on('message', (data) => pushes.push(JSON.parse(data.toString()) as LiveEvent));
  await new Promise((resolve) => dashboard.once('open', resolve));
  dashboard.send(JSON.stringify({ type: 'subscribe', topic: 'run', runId: run.id }));
  while (!pushes.some((p) => p.type === 'run')) await new Promise((resolve) => setTimeout(resolve, 10));
  return { run, pushes };
}
