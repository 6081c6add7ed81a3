import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { computeHistogram } from '../../lib/kinds/histogram/compute-histogram';
import { startSocketServer } from '../helpers/socket-server';
import { injectStorageFault } from '../helpers/storage-fault';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';

const STEPS = 200;

test('a storage failure, then recovery: nothing lost, no two tags merged', async (t) => {
  const dbPath = join(tempDir(t), 'faulty.db');
  const server = await startSocketServer(dbPath);
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'faulty', flushIntervalMs: 1, onError: () => undefined });
  t.after(() => run.close());
  run.log({ before: 1 }, 0);
  assert.equal(await run.drained(5000), true);

  const faults = ['scalars', 'histograms', 'events'].map((table) => injectStorageFault(dbPath, table));
  // Tags first seen while the disk is full: their ids are handed out in transactions that roll back.
  for (let step = 1; step <= STEPS; step++) {
    run.log({ ghost: step, [`tag-${step % 5}`]: -step, before: step }, step);
    if (step % 50 === 0) {
      run.logHistograms({ [`dense/kernel-${step}`]: computeHistogram([step, step + 1]) }, step);
      run.logEvent({ kind: 'note', reason: `step ${step}` }, step);
    }
  }
  await until(() => server.logs.filter((l) => l.includes('[storage]')).length >= 3, 'storage errors');
  for (const fault of faults) fault.heal();
  run.log({ newtag: 1 }, STEPS + 1);
  assert.equal(await run.finish('finished', undefined, 60_000), true, JSON.stringify(run.delivery()));

  const counts = Object.fromEntries(server.app.read.scalar.tags(run.id).map((i) => [i.tag, [i.count, i.firstStep, i.lastStep]]));
  assert.deepEqual(counts, {
    before: [STEPS + 1, 0, STEPS],
    ghost: [STEPS, 1, STEPS],
    newtag: [1, STEPS + 1, STEPS + 1],
    'tag-0': [40, 5, 200], 'tag-1': [40, 1, 196], 'tag-2': [40, 2, 197], 'tag-3': [40, 3, 198], 'tag-4': [40, 4, 199],
  });
  for (const [step, , value] of server.app.read.scalar.series(run.id, 'ghost', STEPS).points) assert.equal(value, step, 'ghost holds only its own points');
  for (const [step, , value] of server.app.read.scalar.series(run.id, 'tag-3', STEPS).points) assert.equal(value, -step);
  assert.deepEqual(server.app.read.histogram.tags(run.id).map((h) => h.tag), ['dense/kernel-100', 'dense/kernel-150', 'dense/kernel-200', 'dense/kernel-50']);
  assert.deepEqual(server.app.read.event.list(run.id).events.map((e) => e.reason), ['step 50', 'step 100', 'step 150', 'step 200']);
  assert.equal(server.app.store.getRun(run.id)!.status, 'finished');
});
