import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeTrial } from '../../lib/kinds/sweep/meta';
import { startApiServer } from '../helpers/api-routes';
import { runScript } from '../helpers/run-trainer';

test('npm run sweep: 3 trials of mlp-sequential through a real server, stored with their values, each a run linked to the sweep; --resume adds a 4th', { timeout: 600_000 }, async (t) => {
  const { server, dir } = await startApiServer(t, 'sweep.db');
  const { app } = server;
  const { code, output } = await runScript('trainer/sweep/cli.ts', [
    '--model', 'mlp-sequential', '--trials', '3', '--method', 'random', '--metric', 'val_acc', '--seed', '4',
    '--param', 'learningRate=loguniform:1e-3:1e-1', '--param', 'batchSize=choice:16,32', '--sweep-name', 'mlp lr',
    '--epochs', '2', '--train-samples', '300', '--update-freq', 'epoch', '--checkpoint', '--save-best-only', '--server', server.url,
  ], dir);
  assert.equal(code, 0, output);

  const [listed] = app.read.sweep.list();
  const sweep = app.read.sweep.get(listed.id);
  assert.deepEqual([sweep.name, sweep.model, sweep.method, sweep.metric, sweep.goal, sweep.seed, sweep.status], ['mlp lr', 'mlp-sequential', 'random', 'val_acc', 'max', 4, 'finished']);
  assert.deepEqual(sweep.args, ['--epochs', '2', '--train-samples', '300', '--update-freq', 'epoch', '--checkpoint', '--save-best-only', '--seed', '4']);
  const trials = sweep.trials.map(decodeTrial);
  assert.deepEqual(trials.map((x) => [x.trial, x.state, x.curve.length]), [[0, 'finished', 2], [1, 'finished', 2], [2, 'finished', 2]]);
  for (const trial of trials) {
    const run = app.store.getRun(trial.runId)!;
    assert.equal(run.status, 'finished');
    assert.deepEqual([run.model, run.config.sweepId, run.config.sweepTrial], ['mlp-sequential', sweep.id, trial.trial]);
    assert.deepEqual([run.config.learningRate, run.config.batchSize], [trial.params.learningRate, trial.params.batchSize], 'the trial trained with its params');
    const valAcc = app.read.scalar.series(trial.runId, 'epoch/val_acc', 100).points.map(([, , value]) => value);
    assert.deepEqual(valAcc, trial.curve, 'the curve is what the run logged');
    assert.equal(trial.value, Math.max(...trial.curve));
    assert.ok(existsSync(join(dir, 'logs', 'checkpoints', trial.runId, 'best', 'model.json')), 'trials keep their checkpoints for an ensemble');
    assert.ok(existsSync(join(dir, 'logs', 'sweeps', sweep.id, `trial-${trial.trial}.log`)));
  }
  const best = trials.reduce((a, b) => (b.value! > a.value! ? b : a));
  assert.equal(sweep.bestTrial, best.trial);
  const history = app.read.scalar.series(sweep.id, 'sweep/value', 100).points.map(([step, , value]) => [step, value]);
  assert.deepEqual(history, trials.map((x) => [x.trial, x.value]), "the sweep's run draws each trial's value at its number");

  const resumed = await runScript('trainer/sweep/cli.ts', ['--resume', sweep.id, '--trials', '4', '--server', server.url], dir);
  assert.equal(resumed.code, 0, resumed.output);
  const after = app.read.sweep.get(sweep.id);
  assert.deepEqual(after.trials.slice(0, 3), sweep.trials, 'ended trials are kept as they were');
  assert.deepEqual([after.trials.length, after.trials[3].state, after.maxTrials, after.status], [4, 'finished', 4, 'finished']);
  assert.equal(app.store.getRun(after.trials[3].runId)!.config.sweepTrial, 3);
});
