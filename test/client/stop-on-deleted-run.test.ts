import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { deleteRun } from '../../lib/runs/manage-run';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

test('a trainer whose run was deleted is refused for good and stops, and the run is not started again', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'deleted.db'));
  t.after(() => server.close());
  const warnings: string[] = [];
  const run = new Run({ server: server.url, name: 'deleted while training', flushIntervalMs: 1, onError: (m) => warnings.push(m) });
  t.after(() => run.close());
  run.log({ loss: 1 }, 0);
  assert.equal(await run.drained(5000), true);

  deleteRun(server.app, run.id);
  // The next batch finds the run gone; a retry would send run.start first and bring it back empty.
  for (let step = 1; step <= 20; step++) run.log({ loss: 1 / step }, step);
  assert.equal(await run.finish('finished', undefined, 5000), false);

  assert.equal(server.app.store.hasRun(run.id), false);
  assert.ok(server.app.store.deletedAt(run.id) !== null);
  const report = run.delivery();
  assert.equal(report.unconfirmed, 0);
  assert.deepEqual(report.refused.map((r) => r.code), ['run_deleted']);
  assert.match(report.refused[0].message, new RegExp(`run "${run.id}" was deleted at .*start a new run`));
  assert.equal(warnings.filter((w) => /refused the run for good/.test(w)).length, 1, warnings.join('\n'));
});

test('a run.start under a deleted id is refused with the reason, before any check of its owner', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'restart.db'));
  t.after(() => server.close());
  const first = new Run({ server: server.url, name: 'first life' });
  first.log({ loss: 1 }, 0);
  assert.equal(await first.finish(), true);
  deleteRun(server.app, first.id);

  const warnings: string[] = [];
  const again = new Run({ server: server.url, id: first.id, name: 'second life', onError: (m) => warnings.push(m) });
  t.after(() => again.close());
  again.log({ loss: 2 }, 0);
  assert.equal(await again.finish('finished', undefined, 5000), false);
  assert.equal(server.app.store.hasRun(first.id), false);
  assert.deepEqual(again.delivery().refused.map((r) => [r.type, r.code]), [['run.start', 'run_deleted']]);
  assert.ok(warnings.some((w) => /was deleted at/.test(w)));
});
