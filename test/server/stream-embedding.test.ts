import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Run } from '../../lib/client/run';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

const rows = 2000;
const dim = 128;
const matrix = (seed: number) => Float32Array.from({ length: rows * dim }, (_, i) => Math.sin(i * 0.37 + seed));

function liveEvents(url: string, runId: string): Promise<{ events: Record<string, unknown>[]; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/live`);
    const events: Record<string, unknown>[] = [];
    socket.on('message', (d) => events.push(JSON.parse(d.toString())));
    socket.once('open', () => {
      socket.send(JSON.stringify({ type: 'subscribe', topic: 'run', runId }));
      resolve({ events, socket });
    });
    socket.once('error', reject);
  });
}

/** Waits for pushes still on their way; the test's own timeout bounds it. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

test('a 2000 x 128 embedding streams in chunks through a real WebSocket and reads back whole', { timeout: 30_000 }, async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'a.db'));
  t.after(() => server.close());
  const errors: string[] = [];
  const run = new Run({ server: server.url, name: 'embedded', onError: (m) => errors.push(m) });
  t.after(() => run.close());
  assert.equal(await run.drained(5000), true);
  const live = await liveEvents(server.url, run.id);
  t.after(() => live.socket.close());
  run.logEmbedding('embedding', matrix(1), rows, dim, 16, 1);
  run.logEmbedding('embedding', matrix(2), rows, dim, 32);
  assert.equal(await run.finish(), true);
  assert.deepEqual(errors, []);
  assert.deepEqual(server.app.tables.embedding.snapshots.list(run.id).map((s) => [s.tag, s.step, s.epoch, s.rows, s.dim]), [
    ['embedding', 16, 1, rows, dim],
    ['embedding', 32, null, rows, dim],
  ]);
  assert.deepEqual(server.app.tables.embedding.snapshots.read(run.id, 'embedding', 16)!.matrix, matrix(1));
  assert.deepEqual(server.app.tables.embedding.snapshots.read(run.id, 'embedding', 32)!.matrix, matrix(2));
  const pushed = () => live.events.filter((e) => e.type === 'embeddings') as { snapshots: { step: number }[] }[];
  await until(() => pushed().length === 2);
  assert.deepEqual(pushed().map((e) => e.snapshots.map((s) => s.step)), [[16], [16, 32]], 'one push per completed snapshot, each with the whole list');
});

test('a snapshot logged while the server is down arrives once after it restarts', async (t) => {
  const dir = tempDir(t);
  let server = await startSocketServer(join(dir, 'b.db'));
  const port = server.port;
  const run = new Run({ server: server.url, name: 'resilient' });
  t.after(() => run.close());
  run.logEmbedding('embedding', matrix(1), rows, dim, 8, 1);
  assert.equal(await run.drained(5000), true);
  await server.close();
  run.logEmbedding('embedding', matrix(2), rows, dim, 16, 2);
  await new Promise((r) => setTimeout(r, 300));
  server = await startSocketServer(join(dir, 'b.db'), port);
  t.after(() => server.close());
  assert.equal(await run.finish('finished', undefined, 10_000), true);
  assert.deepEqual(server.app.tables.embedding.snapshots.list(run.id).map((s) => s.step), [8, 16]);
  assert.deepEqual(server.app.tables.embedding.snapshots.read(run.id, 'embedding', 16)!.matrix, matrix(2));
});

test('a NaN in the matrix is refused with a clear error and stores no snapshot', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'c.db'));
  t.after(() => server.close());
  const errors: string[] = [];
  const run = new Run({ server: server.url, name: 'diverged', onError: (m) => errors.push(m) });
  t.after(() => run.close());
  const bad = matrix(3);
  bad[1500 * dim + 7] = NaN;
  run.logEmbedding('embedding', bad, rows, dim, 8, 1);
  assert.equal(await run.finish(), false, 'a refused message is data lost');
  assert.deepEqual(run.delivery().refused.map((r) => [r.type, r.code]), [['embedding', 'invalid_message']]);
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /\[invalid_message\] values: embedding values must be finite: row 1500, column 7 is NaN/);
  assert.deepEqual(server.app.tables.embedding.snapshots.list(run.id), []);
  assert.equal(server.app.store.getRun(run.id)!.status, 'finished', 'the rest of the run is stored');
});
