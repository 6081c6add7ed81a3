import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import WebSocket from 'ws';
import { INGEST_PATH } from '../../../lib/protocol/version';
import type { IngestReply } from '../../../lib/protocol/ingest-messages';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';
import { watchedRun } from '../../helpers/watched-run';

const eventsMessage = (events: unknown, seq = 5) => ({ v: 1, seq, type: 'events', runId: 'run-1', events });
const good = { step: 3, wallTime: 1000, kind: 'checkpoint', reason: 'saved', data: { path: 'logs/x' } };

test('events messages are validated at the edge: bad ones get a clear error and store nothing', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'ingest.db'));
  t.after(() => server.close());
  const trainer = new WebSocket(`ws://127.0.0.1:${server.port}${INGEST_PATH}`);
  t.after(() => trainer.close());
  const replies: IngestReply[] = [];
  trainer.on('message', (data) => replies.push(JSON.parse(data.toString()) as IngestReply));
  await new Promise((resolve) => trainer.once('open', resolve));
  /** Sends one message over the real ingest socket and waits for its reply. */
  const send = async (message: unknown): Promise<IngestReply> => {
    const count = replies.length;
    trainer.send(JSON.stringify(message));
    while (replies.length === count) await new Promise((resolve) => setTimeout(resolve, 5));
    return replies[count];
  };
  assert.equal((await send({ v: 1, seq: 1, type: 'run.start', run: { id: 'run-1', name: 'r', config: {}, startedAt: 1 } })).type, 'ack');

  const cases: [string, unknown, RegExp][] = [
    ['no events', eventsMessage([]), /events/],
    ['a negative step', eventsMessage([{ ...good, step: -1 }]), /events\.0\.step/],
    ['a fractional step', eventsMessage([{ ...good, step: 1.5 }]), /events\.0\.step/],
    ['an empty reason', eventsMessage([{ ...good, reason: '' }]), /events\.0\.reason/],
    ['a reason past 2000 characters', eventsMessage([{ ...good, reason: 'x'.repeat(2001) }]), /events\.0\.reason/],
    ['a kind with markup', eventsMessage([{ ...good, kind: '<b>x</b>' }]), /events\.0\.kind/],
    ['nested data', eventsMessage([{ ...good, data: { nested: { a: 1 } } }]), /events\.0\.data\.nested/],
    ['too many data fields', eventsMessage([{ ...good, data: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])) }]), /at most 32/],
    ['too many events', eventsMessage(Array.from({ length: 501 }, (_, i) => ({ ...good, step: i }))), /events/],
  ];
  for (const [name, message, pattern] of cases) {
    const reply = await send(message);
    assert.ok(reply.type === 'error' && reply.code === 'invalid_message' && reply.seq === 5 && pattern.test(reply.message), `${name}: ${JSON.stringify(reply)}`);
  }
  const unknown = await send({ ...eventsMessage([good]), runId: 'nope' });
  assert.ok(unknown.type === 'error' && unknown.code === 'unknown_run', JSON.stringify(unknown));
  assert.deepEqual(server.app.tables.event.read('run-1'), []);

  assert.deepEqual(await send(eventsMessage([{ ...good, data: undefined }])), { v: 1, type: 'ack', seq: 5 });
  assert.deepEqual(server.app.tables.event.read('run-1'), [{ ...good, data: {} }], 'data defaults to {}');
});

test('Run.logEvent travels the real WebSocket into SQLite and is pushed live to dashboards', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'live.db'));
  t.after(() => server.close());
  const { run, pushes } = await watchedRun(t, server, 'events', 5000);

  run.logEvent({ kind: 'reduce_lr', reason: 'val_loss did not improve: lr 0.001 → 0.0005', data: { oldLr: 0.001, newLr: 0.0005, best: Infinity, monitor: 'val_loss' } }, 8);
  run.logEvent({ kind: 'my-note', reason: '<img src=x onerror=alert(1)>' }, 9);
  assert.equal(await run.finish(), true);
  while (pushes.filter((p) => p.type === 'events').length < 2) await new Promise((resolve) => setTimeout(resolve, 10));

  const stored = server.app.tables.event.read(run.id);
  assert.deepEqual(stored, [
    { step: 8, wallTime: 5000, kind: 'reduce_lr', reason: 'val_loss did not improve: lr 0.001 → 0.0005', data: { oldLr: 0.001, newLr: 0.0005, best: 'Infinity', monitor: 'val_loss' } },
    { step: 9, wallTime: 5000, kind: 'my-note', reason: '<img src=x onerror=alert(1)>', data: {} },
  ]);
  const pushed = pushes.flatMap((p) => (p.type === 'events' && p.runId === run.id ? p.events : []));
  assert.deepEqual(pushed, stored);
});
