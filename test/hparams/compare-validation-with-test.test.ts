import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WireSweep } from '../../lib/kinds/sweep/meta';
import { hparamRun, trialRuns, type RunWithLastScalars } from '../../lib/hparams/run-metrics';
import { validationGap } from '../../lib/hparams/validation-gap';

const sweep = {
  id: 'sw-1',
  metric: 'val_acc',
  goal: 'max',
  trials: [
    { trial: 0, runId: 'sw-1-t0', params: { lr: 0.01 }, state: 'finished', value: 0.9, curve: [0.8, 0.9], reason: null, startedAt: 1, finishedAt: 2 },
    { trial: 1, runId: 'sw-1-t1', params: { lr: 0.001 }, state: 'finished', value: 0.85, curve: [0.85], reason: null, startedAt: 1, finishedAt: 2 },
    { trial: 2, runId: 'sw-1-t2', params: { lr: 0.1 }, state: 'failed', value: 'NaN', curve: ['NaN'], reason: 'diverged', startedAt: 1, finishedAt: 2 },
    { trial: 3, runId: 'sw-1-t3', params: { lr: 0.05 }, state: 'running', value: null, curve: [], reason: null, startedAt: 1, finishedAt: null },
  ],
} as unknown as WireSweep;

const summary = (id: string, valAcc: number, testAcc: number): RunWithLastScalars => ({ id, name: `run ${id}`, config: {}, lastScalars: { 'epoch/val_acc': [3, 0, valAcc], 'test/acc': [3, 0, testAcc], loss: [3, 0, 'NaN'] } });

test('trials take the params as config and the best epoch as the objective, beside the run\'s last values', () => {
  const runs = trialRuns(sweep, new Map([['sw-1-t0', summary('sw-1-t0', 0.85, 0.7)]]));
  assert.deepEqual(runs.map((r) => [r.id, r.name, r.state, r.config]), [
    ['sw-1-t0', 'run sw-1-t0', 'finished', { lr: 0.01 }],
    ['sw-1-t1', 'trial 1', 'finished', { lr: 0.001 }],
    ['sw-1-t2', 'trial 2', 'failed', { lr: 0.1 }],
    ['sw-1-t3', 'trial 3', 'running', { lr: 0.05 }],
  ]);
  assert.deepEqual(runs[0].metrics, { val_acc: 0.9, 'test/acc': 0.7, loss: NaN }, "the last epoch's epoch/val_acc gives way to the best");
  assert.ok(Number.isNaN(runs[2].metrics.val_acc));
  assert.deepEqual(runs[3].metrics, {});
  assert.deepEqual(hparamRun(summary('x', 0.5, 0.4)).metrics, { 'epoch/val_acc': 0.5, 'test/acc': 0.4, loss: NaN });
});

test('the best trials by validation against test: the winner that ranks low on test shows it', () => {
  const runs = trialRuns(sweep, new Map([['sw-1-t0', summary('sw-1-t0', 0.9, 0.7)], ['sw-1-t1', summary('sw-1-t1', 0.85, 0.84)]]));
  const gap = validationGap(runs, { metric: 'val_acc', goal: 'max' }, 5)!;
  assert.equal(gap.testMetric, 'test/acc');
  assert.deepEqual(gap.rows.map((r) => [r.run.trial, r.validationRank, r.testRank]), [[0, 1, 2], [1, 2, 1], [2, 3, null]]);
  assert.ok(Math.abs(gap.rows[0].gap! - 0.2) < 1e-12);
  assert.equal(gap.rows[2].gap, null);
  assert.equal(validationGap(runs, { metric: 'loss', goal: 'min' }, 5), null, 'a training metric has no test counterpart');
  assert.equal(validationGap(runs, { metric: 'val_acc', goal: 'max' }, 1)!.rows.length, 1);
});
