import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toColumns } from '../../../lib/kinds/scalar/meta';
import type { TaggedPoint } from '../../../lib/kinds/scalar/points';
import { startRun, tempApp } from '../../helpers/temp-app';

const point = (step: number, value: number, wallTime = 1000 + step): TaggedPoint => ['loss', step, wallTime, value];

test('a step logged again takes the value written last, in one batch or a later one', (t) => {
  const app = tempApp(t);
  startRun(app);
  assert.equal(app.tables.scalar.write('r', toColumns([point(1, 0.9), point(2, 0.8), point(2, 0.7), point(3, 0.6)])), 3);
  assert.equal(app.tables.scalar.write('r', toColumns([point(3, NaN, 5000), point(4, 0.5)])), 1);
  const series = app.read.scalar.series('r', 'loss', 100);
  assert.deepEqual(series.points.map(([step, , value]) => [step, value]), [[1, 0.9], [2, 0.7], [3, NaN], [4, 0.5]]);
  assert.equal(series.points[2][1], 5000, 'the wall time is the one written last');
  assert.equal(series.count, 4, 'a replaced step is not counted twice');
  app.tables.scalar.write('r', toColumns([point(4, 0.25)]));
  assert.equal(app.read.scalar.findRun('r')!.lastScalars.loss[2], 0.25, 'the latest value follows a replaced last step');
});

test('rollups forget a replaced extreme: a long series read through them shows the new value', (t) => {
  const app = tempApp(t);
  startRun(app);
  const steps = 200_000;
  const points: TaggedPoint[] = [];
  for (let step = 0; step < steps; step++) points.push(point(step, step === 70_000 ? 1e9 : Math.sin(step / 1000)));
  for (let i = 0; i < points.length; i += 10_000) app.tables.scalar.write('r', toColumns(points.slice(i, i + 10_000)));
  const before = app.read.scalar.series('r', 'loss', 500);
  assert.ok(before.downsampled);
  assert.equal(Math.max(...before.points.map(([, , v]) => v)), 1e9);
  app.tables.scalar.write('r', toColumns([point(70_000, 2)]));
  const after = app.read.scalar.series('r', 'loss', 500);
  assert.equal(Math.max(...after.points.map(([, , v]) => v)), 2, 'the old spike is gone from every level');
  assert.ok(after.points.some(([step, , v]) => step === 70_000 && v === 2));
});
