import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import WebSocket from 'ws';
import { MAX_RUNS_PER_SOCKET } from '../../server/live-hub';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';

async function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

/** About 700 kB of events: resent, they are stored once but pushed every time. */
const events = (seq: number) =>
  JSON.stringify({ v: 1, seq, type: 'events', runId: 'watched', events: Array.from({ length: 350 }, (_, i) => ({ step: i, wallTime: 1, kind: 'note', reason: `${i} ${'x'.repeat(1990)}` })) });

test('a dashboard that stops reading has its pushes dropped, and is told to resync once it reads again', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'slow.db'), 0, { pushGate: { highBytes: 256 * 1024, lowBytes: 64 * 1024, checkMs: 20 } });
  t.after(() => server.close());
  const ingest = await open(`ws://127.0.0.1:${server.port}/ws/ingest`);
  t.after(() => ingest.close());
  let acks = 0;
  ingest.on('message', () => acks++);
  ingest.send(JSON.stringify({ v: 1, seq: 0, type: 'run.start', run: { id: 'watched', name: 'watched', startedAt: 1 } }));

  const live = await open(`ws://127.0.0.1:${server.port}/ws/live`);
  t.after(() => live.close());
  const received: { type: string; bytes: number }[] = [];
  live.on('message', (data) => received.push({ type: JSON.parse(data.toString()).type, bytes: (data as Buffer).length }));
  live.send(JSON.stringify({ type: 'subscribe', topic: 'run', runId: 'watched' }));
  await until(() => received.some((e) => e.type === 'run'), 'the subscription');
  live.pause();

  const pushes = 40;
  for (let seq = 1; seq <= pushes; seq++) ingest.send(events(seq));
  await until(() => acks === pushes + 1, 'every message to be stored');
  live.resume();
  await until(() => received.some((e) => e.type === 'resync'), 'the resync');
  const types = () => received.map((e) => e.type);
  await until(() => types().indexOf('run') < types().lastIndexOf('run'), 'the run after the resync');

  const pushed = received.filter((e) => e.type === 'events');
  const pushedBytes = pushed.reduce((n, e) => n + e.bytes, 0);
  assert.ok(pushed.length < pushes / 2, `${pushed.length} of ${pushes} pushes were sent to a dashboard that read none`);
  assert.ok(pushedBytes < (pushes * events(1).length) / 2);
  assert.equal(received.at(-2)?.type, 'resync');
  assert.equal(received.at(-1)?.type, 'run', 'the resync is followed by the state to resync from');
  assert.equal(server.app.read.event.list('watched').events.length, 350, 'ingest went on regardless');
});

test('one connection may watch a bounded number of runs', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'many.db'));
  t.after(() => server.close());
  const live = await open(`ws://127.0.0.1:${server.port}/ws/live`);
  t.after(() => live.close());
  const errors: string[] = [];
  let listed = false;
  live.on('message', (data) => {
    const event = JSON.parse(data.toString());
    if (event.type === 'error') errors.push(event.message);
    if (event.type === 'runs') listed = true;
  });
  for (let i = 0; i < MAX_RUNS_PER_SOCKET + 36; i++) live.send(JSON.stringify({ type: 'subscribe', topic: 'run', runId: `run-${i}` }));
  live.send(JSON.stringify({ type: 'subscribe', topic: 'run', runId: 'run-0' }));
  live.send(JSON.stringify({ type: 'subscribe', topic: 'runs' }));
  await until(() => listed, 'the run list, answered after every subscription before it');
  assert.equal(errors.length, 36, 'a refusal for each subscription past the cap, none for a repeated one');
  assert.equal(errors[0], `one connection may watch at most ${MAX_RUNS_PER_SOCKET} runs; open another for more`);
});
