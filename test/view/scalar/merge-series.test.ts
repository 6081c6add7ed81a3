import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarPoint } from '../../../lib/kinds/scalar/points';
import { mergePoints, SeriesStore } from '../../../lib/view/scalar/series-store';

const steps = (points: readonly ScalarPoint[]) => points.map((p) => p[0]);

test('points merge in step order, one per step, a later one replacing an earlier', () => {
  const target: ScalarPoint[] = [[1, 0, 1], [3, 0, 3]];
  mergePoints(target, [[4, 0, 4], [2, 0, 2], [3, 0, 30], [0, 0, 0]]);
  assert.deepEqual(steps(target), [0, 1, 2, 3, 4]);
  assert.equal(target[3][2], 30);
});

test('a load keeps what was pushed after the subscription, without doubling what the fetch saw', () => {
  const store = new SeriesStore();
  store.add([['batch/loss', [1, 0, 0.9]]]);
  store.beginLoad();
  store.add([['batch/loss', [5, 0, 0.5]], ['batch/loss', [6, 0, 0.4]]]);
  // The fetch saw steps up to 5, not 6; the point at step 1 before beginLoad is in the fetch too.
  store.load('batch/loss', [[1, 0, 0.9], [2, 0, 0.8], [3, 0, 0.7], [4, 0, 0.6], [5, 0, 0.5]]);
  store.endLoad();
  assert.deepEqual(steps(store.get('batch/loss')!.points), [1, 2, 3, 4, 5, 6]);
});

test('NaN and infinities are held like any other value', () => {
  const store = new SeriesStore();
  store.add([['batch/loss', [1, 0, NaN]], ['batch/loss', [2, 0, Infinity]], ['batch/loss', [3, 0, -Infinity]]]);
  assert.deepEqual(store.get('batch/loss')!.points.map((p) => p[2]), [NaN, Infinity, -Infinity]);
});

test('listeners hear which tags changed, and the tag list only changes when a tag appears', () => {
  const store = new SeriesStore();
  const heard: string[][] = [];
  store.subscribe((changed) => heard.push([...changed]));
  store.add([['epoch/loss', [10, 0, 1]], ['batch/loss', [10, 0, 1]]]);
  const tags = store.tags();
  store.add([['batch/loss', [11, 0, 1]]]);
  assert.equal(store.tags(), tags);
  assert.deepEqual(tags, ['batch/loss', 'epoch/loss']);
  assert.deepEqual(heard, [['epoch/loss', 'batch/loss'], ['batch/loss']]);
});

test('a series that outgrows the cap is thinned, keeping its latest point', () => {
  const store = new SeriesStore();
  const points = Array.from({ length: 20_001 }, (_, i): [string, ScalarPoint] => ['batch/loss', [i, 0, Math.sin(i)]]);
  const spike: ScalarPoint = [7_000, 0, 50];
  const nan: ScalarPoint = [9_000, 0, NaN];
  points[7_000][1] = spike;
  points[9_000][1] = nan;
  store.add(points);
  const held = store.get('batch/loss')!.points;
  assert.ok(held.length <= 10_001, `held ${held.length}`);
  assert.equal(held[held.length - 1][0], 20_000);
  // The store thins the points it was given, not copies of them.
  assert.ok(held.includes(spike) && held.includes(nan));
});

test('a read given as columns is held as those columns, and points, pushes and caps work on it as on points', () => {
  const steps = new Float64Array([0, 1, 2]);
  const columns = { steps, wallTimes: new Float64Array([10, 11, 12]), values: new Float64Array([1, NaN, Infinity]) };
  const store = new SeriesStore();
  store.loadColumns('loss', columns);
  assert.equal(store.get('loss')!.columns, columns, 'kept without a copy');
  assert.deepEqual(store.get('loss')!.points, [[0, 10, 1], [1, 11, NaN], [2, 12, Infinity]]);
  store.add([['loss', [1, 21, 5]], ['loss', [3, 13, 7]]]);
  assert.deepEqual(Array.from(store.get('loss')!.columns.values), [1, 5, Infinity, 7], 'a push replaces step 1 and appends step 3');
  assert.deepEqual(Array.from(store.get('loss')!.columns.wallTimes), [10, 21, 12, 13]);

  store.beginLoad();
  store.add([['loss', [9, 19, 0.5]]]);
  store.loadColumns('loss', columns);
  assert.deepEqual(store.get('loss')!.points.map((p) => p[0]), [0, 1, 2, 9], 'what was pushed during the load is kept');
  store.endLoad();

  const capped = new SeriesStore([], 100);
  const many = Float64Array.from({ length: 1_000 }, (_, i) => i);
  capped.loadColumns('acc', { steps: many, wallTimes: many, values: many });
  const held = capped.get('acc')!.columns.steps;
  assert.ok(held.length <= 100 && held[held.length - 1] === 999, `thinned to ${held.length}, latest kept`);
});
