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
