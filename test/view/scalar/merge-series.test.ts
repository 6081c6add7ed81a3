import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChartPoint, mergePoints, SeriesStore } from '../../../lib/view/series-store';

const steps = (points: readonly ChartPoint[]) => points.map((p) => p[0]);

test('points merge in step order, one per step, a later one replacing an earlier', () => {
  const target: ChartPoint[] = [[1, 1, 0], [3, 3, 0]];
  mergePoints(target, [[4, 4, 0], [2, 2, 0], [3, 30, 0], [0, 0, 0]]);
  assert.deepEqual(steps(target), [0, 1, 2, 3, 4]);
  assert.equal(target[3][1], 30);
});

test('a load keeps what was pushed after the subscription, without doubling what the fetch saw', () => {
  const store = new SeriesStore();
  store.add([['batch/loss', [1, 0.9, 0]]]);
  store.beginLoad();
  store.add([['batch/loss', [5, 0.5, 0]], ['batch/loss', [6, 0.4, 0]]]);
  // The fetch saw steps up to 5, not 6; the point at step 1 before beginLoad is in the fetch too.
  store.load('batch/loss', [[1, 0.9, 0], [2, 0.8, 0], [3, 0.7, 0], [4, 0.6, 0], [5, 0.5, 0]]);
  store.endLoad();
  assert.deepEqual(steps(store.get('batch/loss')!.points), [1, 2, 3, 4, 5, 6]);
});

test('NaN and infinities are held like any other value', () => {
  const store = new SeriesStore();
  store.add([['batch/loss', [1, NaN, 0]], ['batch/loss', [2, Infinity, 0]], ['batch/loss', [3, -Infinity, 0]]]);
  assert.deepEqual(store.get('batch/loss')!.points.map((p) => p[1]), [NaN, Infinity, -Infinity]);
});

test('listeners hear which tags changed, and the tag list only changes when a tag appears', () => {
  const store = new SeriesStore();
  const heard: string[][] = [];
  store.subscribe((changed) => heard.push([...changed]));
  store.add([['epoch/loss', [10, 1, 0]], ['batch/loss', [10, 1, 0]]]);
  const tags = store.tags();
  store.add([['batch/loss', [11, 1, 0]]]);
  assert.equal(store.tags(), tags);
  assert.deepEqual(tags, ['batch/loss', 'epoch/loss']);
  assert.deepEqual(heard, [['epoch/loss', 'batch/loss'], ['batch/loss']]);
});

test('a series that outgrows the cap is thinned, keeping its latest point', () => {
  const store = new SeriesStore();
  const points = Array.from({ length: 20_001 }, (_, i): [string, ChartPoint] => ['batch/loss', [i, Math.sin(i), 0]]);
  store.add(points);
  const held = store.get('batch/loss')!.points;
  assert.ok(held.length <= 10_001, `held ${held.length}`);
  assert.equal(held[held.length - 1][0], 20_000);
});
