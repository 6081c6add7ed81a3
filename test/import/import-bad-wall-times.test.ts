import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importLogdirsOnce } from '../../lib/import/import-logdirs';
import { eventRecord, fileVersionRecord } from '../../lib/logdir/event-writer';
import { parseLogdirSpec } from '../../lib/logdir/logdir-spec';
import { tempDir } from '../helpers/temp-dir';
import { tempApp } from '../helpers/temp-app';

const scalar = (wallTime: number, step: number, value: number) => eventRecord({ wallTime, step, summary: { value: [{ tag: 'loss', simpleValue: value }] } });

test('a record whose wall time is no date (nanoseconds, before 1970) is listed as not shown; the rest of the run imports', async (t) => {
  const dir = tempDir(t, 'tensorlens-walltime-');
  mkdirSync(join(dir, 'run'));
  writeFileSync(
    join(dir, 'run', 'events.out.tfevents.1700000000.host'),
    Buffer.concat([fileVersionRecord(1700000000), scalar(1700000001, 1, 0.5), scalar(1.7e18, 2, 0.4), scalar(-5, 3, 0.3), scalar(1700000004, 4, 0.2)]),
  );
  const app = tempApp(t);
  await importLogdirsOnce(app, [parseLogdirSpec(dir)]);
  const [run] = app.store.listRuns();
  assert.deepEqual(app.read.scalar.series(run.id, 'loss', 100).points.map(([step]) => step), [1, 4]);
  assert.deepEqual([run.status, run.startedAt, run.finishedAt], ['finished', 1700000001_000, 1700000004_000]);
  assert.equal(run.source!.notShown.length, 1);
  assert.deepEqual(run.source!.notShown[0].count, 2);
  assert.match(run.source!.notShown[0].reason ?? '', /milliseconds|wall time/);
});
