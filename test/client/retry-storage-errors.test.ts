import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { startSocketServer } from '../helpers/socket-server';
import { injectStorageFault } from '../helpers/storage-fault';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';

test('points refused by a failing disk are kept and sent again until stored', async (t) => {
  const dbPath = join(tempDir(t), 'full.db');
  const server = await startSocketServer(dbPath);
  t.after(() => server.close());
  const warnings: string[] = [];
  const run = new Run({ server: server.url, name: 'disk-full', flushIntervalMs: 1, onError: (m) => warnings.push(m) });
  t.after(() => run.close());
  run.log({ loss: 1, acc: 0, lr: 0.01 }, 0);
  assert.equal(await run.drained(5000), true);
  const fault = injectStorageFault(dbPath, 'scalars');
  for (let step = 1; step <= 300; step++) run.log({ loss: 1 / step, acc: step / 300, lr: 0.01 }, step);
  await until(() => server.logs.some((l) => l.includes('[storage]')), 'a storage error');
  fault.heal();
  assert.equal(await run.finish('finished', undefined, 20_000), true, warnings.join('\n'));
  for (const tag of ['loss', 'acc', 'lr']) assert.equal(server.app.read.scalar.series(run.id, tag, 1000).count, 301, tag);
  assert.deepEqual(run.delivery(), { delivered: true, refused: [], unconfirmed: 0 });
  assert.ok(warnings.some((w) => /database or disk is full/.test(w)), 'the retry is reported');
});

test('a message refused for good is reported by finish() and delivery(), the rest is stored', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'refused.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'refused', onError: () => undefined });
  t.after(() => run.close());
  run.log({ loss: 0.5 }, 1);
  run.logEvent({ kind: 'not a kind!', reason: 'refused for its kind' }, 1);
  assert.equal(await run.finish(), false);
  const report = run.delivery();
  assert.equal(report.delivered, false);
  assert.equal(report.unconfirmed, 0);
  assert.equal(report.refused.length, 1);
  assert.equal(report.refused[0].type, 'events');
  assert.equal(report.refused[0].code, 'invalid_message');
  assert.match(report.refused[0].message, /event kind/);
  assert.equal(server.app.read.scalar.series(run.id, 'loss', 10).count, 1);
  assert.equal(server.app.store.getRun(run.id)?.status, 'finished');
});
