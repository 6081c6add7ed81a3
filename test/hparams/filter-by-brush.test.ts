import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterByBrush, withAxisBrush, type Brush } from '../../lib/hparams/brush-filter';
import { buildAxes, type HParamRun } from '../../lib/hparams/hparam-axes';

const runs: HParamRun[] = [
  { id: 'a', name: 'a', config: { lr: 0.001, opt: 'adam' }, metrics: { val_acc: 0.8 } },
  { id: 'b', name: 'b', config: { lr: 0.01, opt: 'sgd' }, metrics: { val_acc: 0.6 } },
  { id: 'c', name: 'c', config: { lr: 0.1, opt: 'adam' }, metrics: { val_acc: NaN } },
];
const axes = buildAxes(runs, { metrics: ['val_acc'] });
const ids = (brush: Brush) => filterByBrush(runs, axes, brush).map((r) => r.id);

test('no brush keeps every run; a numeric interval keeps the runs inside it, either way round', () => {
  assert.deepEqual(ids(new Map()), ['a', 'b', 'c']);
  assert.deepEqual(ids(new Map([['lr', [[0.05, 0.005]]]])), ['b']);
});

test('a run passes when one interval of every brushed axis holds it', () => {
  assert.deepEqual(ids(new Map([['lr', [[0, 0.002], [0.05, 1]]]])), ['a', 'c']);
  assert.deepEqual(ids(new Map([['lr', [[0, 0.002], [0.05, 1]]], ['opt', [[0, 0]]]])), ['a', 'c'], 'adam is category 0');
  assert.deepEqual(ids(new Map([['opt', [[1, 1]]]])), ['b']);
});

test('a NaN metric is outside every range of its axis', () => {
  assert.deepEqual(ids(new Map([['val_acc', [[0, 1]]]])), ['a', 'b']);
});

test('withAxisBrush replaces one axis and clears it with no intervals', () => {
  const one = withAxisBrush(new Map(), 'lr', [[0, 0.002]]);
  const two = withAxisBrush(one, 'opt', [[1, 1]]);
  assert.deepEqual(ids(two), []);
  assert.deepEqual(ids(withAxisBrush(two, 'lr', [])), ['b']);
  assert.equal(one.size, 1, 'the brush given is not changed');
});
