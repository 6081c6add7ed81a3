import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Run } from '../../lib/client/run';
import { init, log, finish } from '../../lib/client';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

test('a run streams scalars and its status through a real WebSocket into SQLite', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'a.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'streamed', model: 'toy', backend: 'cpu', config: { epochs: 2 } });
  for (let step = 1; step <= 300; step++) run.log({ 'batch/loss': 1 / step, 'batch/acc': step / 300 }, step);
  run.log({ 'epoch/loss': NaN }, 300);
  assert.equal(await run.finish(), true);
  const stored = server.app.read.scalar.run(run.id);
  assert.equal(stored.status, 'finished');
  assert.deepEqual(stored.config, { epochs: 2 });
  assert.equal(server.app.read.scalar.series(run.id, 'batch/loss', 1000).count, 300);
  assert.ok(Number.isNaN(stored.lastScalars['epoch/loss'][2]));
});

test('points logged while the server is down arrive once after it restarts', async (t) => {
  const dir = tempDir(t);
  let server = await startSocketServer(join(dir, 'b.db'));
  const port = server.port;
  const run = new Run({ server: server.url, name: 'resilient', flushIntervalMs: 5 });
  t.after(() => run.close());
  for (let step = 1; step <= 50; step++) run.log({ loss: step }, step);
  assert.equal(await run.drained(5000), true);
  await server.close();
  for (let step = 51; step <= 100; step++) run.log({ loss: step }, step);
  await new Promise((r) => setTimeout(r, 300));
  server = await startSocketServer(join(dir, 'b.db'), port);
  t.after(() => server.close());
  assert.equal(await run.finish('finished', undefined, 10_000), true);
  const series = server.app.read.scalar.series(run.id, 'loss', 1000);
  assert.equal(series.count, 100);
  assert.deepEqual(series.points.map(([step]) => step), Array.from({ length: 100 }, (_, i) => i + 1));
  assert.equal(server.app.store.getRun(run.id)!.status, 'finished');
});

test('the init/log/finish facade forwards the step and refuses calls before init', async (t) => {
  assert.throws(() => log({ loss: 1 }, 1), /Call tensorlens.init\(\) before log\(\)/);
  const server = await startSocketServer(join(tempDir(t), 'c.db'));
  t.after(() => server.close());
  const run = init({ server: server.url, name: 'facade' });
  log({ loss: 0.5 }, 17);
  assert.equal(await finish(), true);
  assert.deepEqual(server.app.read.scalar.series(run.id, 'loss', 10).points.map(([step]) => step), [17]);
});

function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function nextReply(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
}

test('garbage on the socket gets an error reply, the connection and the server live on', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'd.db'));
  t.after(() => server.close());
  const ws = await openSocket(`${server.url.replace('http', 'ws')}/ws/ingest`);
  t.after(() => ws.close());
  ws.send('not json at all');
  assert.equal((await nextReply(ws)).code, 'invalid_json');
  ws.send(Buffer.alloc(2 * 1024 * 1024, 'a'));
  const tooLarge = await nextReply(ws);
  assert.equal(tooLarge.code, 'too_large');
  assert.match(String(tooLarge.message), /exceeds the 1048576-byte limit/);
  ws.send(JSON.stringify({ v: 1, seq: 5, type: 'run.start', run: { id: 'after', name: 'after', startedAt: 1 } }));
  assert.deepEqual(await nextReply(ws), { v: 1, type: 'ack', seq: 5 });
  assert.ok(server.logs.some((l) => l.includes('invalid_json')), 'the server log names the error');
});

test('a WebSocket from a foreign Origin is refused; the same origin is accepted', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'e.db'));
  t.after(() => server.close());
  const base = server.url.replace('http', 'ws');
  await assert.rejects(openSocket(`${base}/ws/live`, { Origin: 'http://evil.example' }), /HTTP 403/);
  await assert.rejects(openSocket(`${base}/ws/ingest`, { Origin: 'http://evil.example' }), /HTTP 403/);
  const same = await openSocket(`${base}/ws/live`, { Origin: server.url });
  same.close();
});

test('a run-list subscriber first gets every run, then each change', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'g.db'));
  t.after(() => server.close());
  const early = new Run({ server: server.url, name: 'early', id: 'early-run' });
  t.after(() => early.close());
  assert.equal(await early.drained(5000), true);
  const live = await openSocket(`${server.url.replace('http', 'ws')}/ws/live`);
  t.after(() => live.close());
  const events: Record<string, any>[] = [];
  live.on('message', (d) => events.push(JSON.parse(d.toString())));
  live.send(JSON.stringify({ type: 'subscribe', topic: 'runs' }));
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(events.map((e) => e.type), ['runs']);
  assert.deepEqual(events[0].runs.map((r: { id: string }) => r.id), ['early-run']);
  await early.finish();
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(events.some((e) => e.type === 'run' && e.run.id === 'early-run' && e.run.status === 'finished'));
});

test('a live subscriber gets pushed points of its run', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'f.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'watched', id: 'watched-run' });
  t.after(() => run.close());
  assert.equal(await run.drained(5000), true);
  const live = await openSocket(`${server.url.replace('http', 'ws')}/ws/live`);
  t.after(() => live.close());
  const events: Record<string, unknown>[] = [];
  live.on('message', (d) => events.push(JSON.parse(d.toString())));
  live.send(JSON.stringify({ type: 'subscribe', topic: 'run', runId: 'watched-run' }));
  await new Promise((r) => setTimeout(r, 100));
  run.log({ 'batch/loss': Infinity }, 3);
  await run.drained(5000);
  await new Promise((r) => setTimeout(r, 100));
  const pushed = events.find((e) => e.type === 'scalars');
  assert.deepEqual(pushed, { type: 'scalars', runId: 'watched-run', points: [['batch/loss', 3, (pushed!.points as unknown[][])[0][2], 'Infinity']] });
});
