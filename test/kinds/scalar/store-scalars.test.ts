import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp } from '../../../lib/app-context';
import { toColumns } from '../../../lib/kinds/scalar/meta';
import type { TaggedPoint } from '../../../lib/kinds/scalar/points';
import { tempDir } from '../../helpers/temp-dir';
import { tempApp } from '../../helpers/temp-app';

function openTemp(t: Parameters<typeof tempDir>[0]) {
  const app = tempApp(t);
  app.store.upsertRun({ id: 'r1', name: 'run one', model: 'm', backend: 'cpu', config: { lr: 0.001 }, startedAt: 1000 });
  return app;
}

const point = (tag: string, step: number, value: number): TaggedPoint => [tag, step, 1000 + step, value];

test('a resent batch stores nothing twice', (t) => {
  const app = openTemp(t);
  const batch = [point('batch/loss', 1, 0.9), point('batch/loss', 2, 0.8), point('batch/acc', 1, 0.5)];
  assert.equal(app.tables.scalar.write('r1', toColumns(batch)), 3);
  assert.equal(app.tables.scalar.write('r1', toColumns(batch)), 0);
  const series = app.read.scalar.series('r1', 'batch/loss', 100);
  assert.deepEqual(series.points.map(([step, , value]) => [step, value]), [[1, 0.9], [2, 0.8]]);
  assert.equal(series.count, 2);
  assert.deepEqual(app.tables.scalar.listTags('r1').map((t) => [t.tag, t.count]), [['batch/acc', 1], ['batch/loss', 2]]);
});

test('NaN and infinities are stored and read back as such', (t) => {
  const app = openTemp(t);
  app.tables.scalar.write('r1', toColumns([point('loss', 1, NaN), point('loss', 2, Infinity), point('loss', 3, -Infinity), point('loss', 4, 0.5)]));
  const values = app.read.scalar.series('r1', 'loss', 100).points.map(([, , value]) => value);
  assert.ok(Number.isNaN(values[0]));
  assert.deepEqual(values.slice(1), [Infinity, -Infinity, 0.5]);
  app.tables.scalar.write('r1', toColumns([point('loss', 5, NaN)]));
  assert.ok(Number.isNaN(app.read.scalar.findRun('r1')!.lastScalars.loss[2]), 'the latest value is NaN');
});

test('the run list gives each run its own latest points, NaN included, and a run with none an empty set', (t) => {
  const app = openTemp(t);
  app.store.upsertRun({ id: 'r3', name: 'three', model: 'm', backend: 'cpu', config: {}, startedAt: 3000 });
  app.store.upsertRun({ id: 'r4', name: 'four', model: 'm', backend: 'cpu', config: {}, startedAt: 2000 });
  app.tables.scalar.write('r1', toColumns([point('loss', 1, 0.9), point('loss', 2, 0.7), point('acc', 2, 0.5)]));
  app.tables.scalar.write('r3', toColumns([point('loss', 7, NaN)]));
  const runs = app.read.scalar.runs();
  assert.deepEqual(runs.map((run) => run.id), ['r3', 'r4', 'r1'], 'newest first');
  assert.deepEqual(runs[2].lastScalars, { acc: [2, 1002, 0.5], loss: [2, 1002, 0.7] });
  assert.deepEqual(Object.keys(runs[0].lastScalars), ['loss']);
  assert.ok(Number.isNaN(runs[0].lastScalars.loss[2]));
  assert.deepEqual(runs[1].lastScalars, {});
  for (const run of runs) assert.deepEqual(run, app.read.scalar.findRun(run.id), 'the list agrees with each run read alone');
});

test('the run survives a reopen of the file with its status and config', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'runs.db');
  const first = createApp(path);
  first.store.upsertRun({ id: 'r2', name: 'two', model: 'imdb', backend: 'wasm', config: { epochs: 3 }, startedAt: 5 });
  first.tables.scalar.write('r2', toColumns([point('epoch/loss', 10, 0.4)]));
  first.store.setRunStatus('r2', 'failed', 'boom', 99);
  first.store.close();
  const again = createApp(path);
  t.after(() => again.store.close());
  again.store.upsertRun({ id: 'r2', name: 'two', model: 'imdb', backend: 'wasm', config: { epochs: 3 }, startedAt: 5 });
  const run = again.read.scalar.run('r2');
  assert.equal(run.status, 'failed', 'a resent run.start does not reset the status');
  assert.equal(run.error, 'boom');
  assert.equal(run.finishedAt, 99);
  assert.deepEqual(run.config, { epochs: 3 });
  assert.deepEqual(run.lastScalars['epoch/loss'], [10, 1010, 0.4]);
});

test('downsampling keeps spikes, NaN and the latest point of a long series', (t) => {
  const app = openTemp(t);
  const points: TaggedPoint[] = [];
  for (let step = 0; step < 10_000; step++) points.push(point('loss', step, Math.sin(step / 100)));
  points[4321] = point('loss', 4321, 50);
  points[7777] = point('loss', 7777, NaN);
  app.tables.scalar.write('r1', toColumns(points));
  const series = app.read.scalar.series('r1', 'loss', 500);
  assert.equal(series.count, 10_000);
  assert.ok(series.downsampled);
  assert.ok(series.points.length <= 502, `got ${series.points.length} points`);
  assert.ok(series.points.some(([step, , value]) => step === 4321 && value === 50), 'spike kept');
  assert.ok(series.points.some(([step, , value]) => step === 7777 && Number.isNaN(value)), 'NaN kept');
  assert.equal(series.points[series.points.length - 1][0], 9999, 'latest point kept');
  const steps = series.points.map(([step]) => step);
  assert.deepEqual(steps, [...steps].sort((a, b) => a - b), 'sorted by step');
});

test('a series past the raw-read limit is served from rollups with the same extremes', (t) => {
  const app = openTemp(t);
  const total = 200_000;
  for (let start = 0; start < total; start += 20_000) {
    const batch: TaggedPoint[] = [];
    for (let step = start; step < start + 20_000; step++) batch.push(point('loss', step, Math.cos(step / 1000)));
    if (start === 100_000) batch[5] = point('loss', 100_005, -42);
    if (start === 140_000) batch[9] = point('loss', 140_009, NaN);
    app.tables.scalar.write('r1', toColumns(batch));
  }
  const series = app.read.scalar.series('r1', 'loss', 1000);
  assert.equal(series.count, total);
  assert.ok(series.points.length <= 1002 && series.points.length > 400, `got ${series.points.length}`);
  assert.ok(series.points.some(([step, , value]) => step === 100_005 && value === -42), 'dip kept');
  assert.ok(series.points.some(([step, , value]) => step === 140_009 && Number.isNaN(value)), 'NaN kept');
  assert.equal(series.points[series.points.length - 1][0], total - 1);
  assert.ok(Math.max(...series.points.map(([, , value]) => value).filter((v) => !Number.isNaN(v))) === 1, 'max of cos kept');
  assert.equal(app.read.scalar.series('r1', 'loss', Infinity).points.length, total, 'an export gets every point');
});
