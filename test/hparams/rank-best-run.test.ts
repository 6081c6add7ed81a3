import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestRun, defaultObjective, sortByObjective, testMetricFor } from '../../lib/hparams/best-run';
import type { HParamRun } from '../../lib/hparams/hparam-axes';

const run = (id: string, metrics: Record<string, number>): HParamRun => ({ id, name: id, config: {}, metrics });
const runs = [run('nan', { val_loss: NaN }), run('mid', { val_loss: 0.5 }), run('none', {}), run('low', { val_loss: 0.2 }), run('tie', { val_loss: 0.5 })];

test('sorted best first for the goal; NaN after numbers, missing last; ties keep their order', () => {
  assert.deepEqual(sortByObjective(runs, { metric: 'val_loss', goal: 'min' }).map((r) => r.id), ['low', 'mid', 'tie', 'nan', 'none']);
  assert.deepEqual(sortByObjective(runs, { metric: 'val_loss', goal: 'max' }).map((r) => r.id), ['mid', 'tie', 'low', 'nan', 'none']);
});

test('the best run has a number; none when only NaN or nothing', () => {
  assert.equal(bestRun(runs, { metric: 'val_loss', goal: 'min' })?.id, 'low');
  assert.equal(bestRun([runs[0], runs[2]], { metric: 'val_loss', goal: 'min' }), null);
});

test('the default objective prefers validation metrics, and its goal follows the name', () => {
  assert.deepEqual(defaultObjective(['acc', 'loss', 'val_loss']), { metric: 'val_loss', goal: 'min' });
  assert.deepEqual(defaultObjective(['loss', 'val_acc']), { metric: 'val_acc', goal: 'max' });
  assert.deepEqual(defaultObjective(['mae']), { metric: 'mae', goal: 'min' });
  assert.equal(defaultObjective([]), null);
  assert.deepEqual(defaultObjective(['epoch/acc', 'epoch/loss', 'epoch/val_acc', 'test/acc']), { metric: 'epoch/val_acc', goal: 'max' }, 'as the trainer tags them');
});

test('a validation metric maps to the test metric the trainer logs after fit', () => {
  assert.equal(testMetricFor('val_acc'), 'test/acc');
  assert.equal(testMetricFor('epoch/val_loss'), 'test/loss');
  assert.equal(testMetricFor('acc'), null);
});
