import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupRuns } from '../../lib/compare/grouping';
import { aggregateGroup } from '../../lib/compare/group-series';

test('groupRuns groups by several keys, ordered by value with missing last', () => {
  const groups = groupRuns(
    [
      { id: 'a', config: { lr: 0.01, optimizer: { name: 'adam' } } },
      { id: 'b', config: { lr: 0.001, optimizer: { name: 'sgd' } } },
      { id: 'c', config: { lr: 0.01, optimizer: { name: 'adam' } } },
      { id: 'd', config: { optimizer: { name: 'adam' } } },
      { id: 'e', config: { lr: 0.01, optimizer: { name: 'Adam' } } },
      { id: 'f', config: { lr: '0.01', optimizer: { name: 'adam' } } },
    ],
    ['lr', 'optimizer.name'],
  );
  assert.deepEqual(
    groups.map((g) => [g.label, g.runIds]),
    [
      ['lr=0.001, optimizer.name=sgd', ['b']],
      ['lr=0.01, optimizer.name=adam', ['a', 'c']],
      ['lr=0.01, optimizer.name=Adam', ['e']],
      ['lr=0.01, optimizer.name=adam', ['f']],
      ['lr=—, optimizer.name=adam', ['d']],
    ],
  );
  assert.equal(new Set(groups.map((g) => g.id)).size, 5, 'the number 0.01 and the text "0.01" are two groups');
});

test('groupRuns orders numbers by value and with no keys puts every run in one group', () => {
  const runs = [10, 2, 33, 2].map((units, i) => ({ id: `r${i}`, config: { units } }));
  assert.deepEqual(groupRuns(runs, ['units']).map((g) => g.runIds), [['r1', 'r3'], ['r0'], ['r2']]);
  assert.deepEqual(groupRuns(runs, []).map((g) => [g.label, g.runIds]), [['', ['r0', 'r1', 'r2', 'r3']]]);
});

function rows(series: ReturnType<typeof aggregateGroup>) {
  return [...series.steps].map((step, i) => [step, series.mean[i], series.std[i], series.min[i], series.max[i], series.count[i], series.nonFinite[i]]);
}

test('the mean series has min, max and a population std at each step the runs share', () => {
  const series = aggregateGroup([
    { steps: [0, 1], values: [1, 2] },
    { steps: [0, 1], values: [3, 6] },
  ]);
  assert.deepEqual(rows(series), [
    [0, 2, 1, 1, 3, 2, 0],
    [1, 4, 2, 2, 6, 2, 0],
  ]);
});

test('a run logged less often is interpolated between its own steps, never beyond them', () => {
  const series = aggregateGroup([
    { steps: [0, 1, 2, 3, 4], values: [0, 0, 0, 0, 0] },
    { steps: Float64Array.of(0, 2), values: Float64Array.of(10, 20) },
  ]);
  assert.deepEqual(rows(series), [
    [0, 5, 5, 0, 10, 2, 0],
    [1, 7.5, 7.5, 0, 15, 2, 0],
    [2, 10, 10, 0, 20, 2, 0],
    [3, 0, 0, 0, 0, 1, 0],
    [4, 0, 0, 0, 0, 1, 0],
  ]);
});

test('non-finite values are counted apart and kept out of the mean, and a step with no finite value is NaN', () => {
  const series = aggregateGroup([
    { steps: [0, 1, 2], values: [1, NaN, 3] },
    { steps: [0, 1, 2, 3], values: [3, 5, Infinity, NaN] },
  ]);
  const [s0, s1, s2, s3] = rows(series);
  assert.deepEqual(s0, [0, 2, 1, 1, 3, 2, 0]);
  assert.deepEqual(s1, [1, 5, 0, 5, 5, 1, 1]);
  assert.deepEqual(s2, [2, 3, 0, 3, 3, 1, 1]);
  assert.equal(s3[0], 3);
  assert.ok(s3.slice(1, 5).every(Number.isNaN));
  assert.deepEqual(s3.slice(5), [0, 1]);
});

test('interpolation does not bridge a non-finite point', () => {
  const series = aggregateGroup([
    { steps: [0, 1, 2], values: [1, 1, 1] },
    { steps: [0, 2], values: [NaN, 5] },
  ]);
  assert.deepEqual(rows(series)[1], [1, 1, 0, 1, 1, 1, 0]);
});

test('the union of steps merges many runs in order, without repeats', () => {
  const columns = [0, 1, 2, 3, 4].map((r) => ({ steps: [r, r + 5, 10], values: [r, r, r] }));
  assert.deepEqual([...aggregateGroup(columns).steps], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(aggregateGroup([]).steps.length, 0);
});
