import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SweepDefinition, WireSweepTrial } from '../../../lib/kinds/sweep/meta';
import { ingestHarness } from '../../helpers/ingest-harness';

const definition: SweepDefinition = {
  name: 'lr search',
  model: 'mlp-sequential',
  method: 'tpe',
  metric: 'val_acc',
  goal: 'max',
  seed: 7,
  maxTrials: 4,
  space: [
    { name: 'learningRate', kind: 'loguniform', low: 1e-4, high: 1e-2 },
    { name: 'batchSize', kind: 'choice', choices: [32, 64] },
  ],
  gridPoints: 5,
  medianStopping: true,
  parallel: 1,
  args: ['--epochs', '2'],
};

function trial(n: number, fields: Partial<WireSweepTrial>): WireSweepTrial {
  return { trial: n, runId: `t${n}`, params: { learningRate: 0.001, batchSize: 32 }, state: 'running', value: null, curve: [], reason: null, startedAt: 100 + n, finishedAt: null, ...fields };
}

test('a sweep stores its definition and each trial\'s latest report, NaN included, and reads back with its best trial', (t) => {
  const { app, send } = ingestHarness(t);
  const ack = (seq: number) => ({ v: 1, type: 'ack', seq });
  assert.deepEqual(send({ v: 1, seq: 2, type: 'sweep.trials', runId: 'run-1', trials: [trial(0, {})] }), ack(2), 'trials may come before the definition');
  assert.deepEqual(send({ v: 1, seq: 3, type: 'sweep', runId: 'run-1', definition }), ack(3));
  assert.deepEqual(
    send({ v: 1, seq: 4, type: 'sweep.trials', runId: 'run-1', trials: [
      trial(0, { state: 'finished', value: 0.8, curve: [0.75, 0.8], finishedAt: 200 }),
      trial(1, { state: 'failed', reason: 'exit code 1: out of memory', finishedAt: 201 }),
      trial(2, { state: 'stopped', value: 0.85, curve: [0.85], reason: 'median stopping: 0.85 < 0.9', finishedAt: 202 }),
      trial(3, { state: 'finished', value: 'NaN', curve: [0.5, 'NaN'], finishedAt: 203 }),
    ] }),
    ack(4),
  );

  const sweep = app.read.sweep.get('run-1');
  assert.equal(sweep.name, 'lr search');
  assert.deepEqual(sweep.space, definition.space);
  assert.equal(sweep.status, 'running');
  assert.deepEqual(sweep.trials.map((x) => [x.trial, x.state, x.value]), [[0, 'finished', 0.8], [1, 'failed', null], [2, 'stopped', 0.85], [3, 'finished', 'NaN']]);
  assert.equal(sweep.bestTrial, 2, 'a stopped trial counts with its best epoch; NaN ranks last');

  send({ v: 1, seq: 5, type: 'run.status', runId: 'run-1', status: 'finished', at: 300 });
  const [summary] = app.read.sweep.list();
  assert.deepEqual(
    { id: summary.id, status: summary.status, counts: summary.counts, bestTrial: summary.bestTrial, bestValue: summary.bestValue, maxTrials: summary.maxTrials },
    { id: 'run-1', status: 'finished', counts: { running: 0, finished: 2, stopped: 1, failed: 1 }, bestTrial: 2, bestValue: 0.85, maxTrials: 4 },
  );
  assert.equal('args' in summary || 'trials' in summary, false, 'the list leaves out the trials and the trainer flags');
});

test('a resent or newer report replaces the trial; a plain run is no sweep', (t) => {
  const { app, send } = ingestHarness(t);
  send({ v: 1, seq: 2, type: 'sweep', runId: 'run-1', definition });
  send({ v: 1, seq: 3, type: 'sweep.trials', runId: 'run-1', trials: [trial(0, {})] });
  send({ v: 1, seq: 4, type: 'sweep.trials', runId: 'run-1', trials: [trial(0, { runId: 'rerun', state: 'finished', value: 0.7, curve: [0.6, 0.7], finishedAt: 300 })] });
  assert.deepEqual(app.read.sweep.get('run-1').trials, [trial(0, { runId: 'rerun', state: 'finished', value: 0.7, curve: [0.6, 0.7], finishedAt: 300 })]);
  send({ v: 1, seq: 5, type: 'run.start', run: { id: 'plain', name: 'plain', config: {}, startedAt: 2 } });
  assert.throws(() => app.read.sweep.get('plain'), /sweep "plain" not found/);
  assert.deepEqual(app.read.sweep.list().map((s) => s.id), ['run-1']);
});

test('malformed sweep messages are refused naming the field, and change nothing', (t) => {
  const { app, send } = ingestHarness(t);
  const refusal = (message: unknown) => {
    const reply = send(message);
    assert.equal(reply.type, 'error');
    return reply.type === 'error' ? reply.message : '';
  };
  assert.match(refusal({ v: 1, seq: 2, type: 'sweep', runId: 'run-1', definition: { ...definition, method: 'bayes' } }), /^definition\.method: /);
  const flipped = { ...definition, space: [{ name: 'lr', kind: 'uniform', low: 1, high: 0 }] };
  assert.match(refusal({ v: 1, seq: 3, type: 'sweep', runId: 'run-1', definition: flipped }), /low must be below high/);
  assert.match(refusal({ v: 1, seq: 4, type: 'sweep.trials', runId: 'run-1', trials: [trial(0, { value: 'inf' as never })] }), /trials\.0\.value: must be a number or "NaN"/);
  assert.match(refusal({ v: 1, seq: 5, type: 'sweep.trials', runId: 'run-1', trials: [trial(0, { state: 'paused' as never })] }), /trials\.0\.state/);
  assert.match(refusal({ v: 1, seq: 6, type: 'sweep', runId: 'ghost', definition }), /run "ghost" was never started/);
  assert.throws(() => app.read.sweep.get('run-1'), /not found/);
});
