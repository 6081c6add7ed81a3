import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTrialProcess } from '../../../trainer/sweep/trial-process';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';

const never = new AbortController().signal;

test('a trial process reports each epoch, and a stop verdict ends its training after that epoch with a median_stopping event', { timeout: 300_000 }, async (t) => {
  const dir = tempDir(t);
  const server = await startSocketServer(join(dir, 'trial.db'));
  t.after(() => server.close());
  const epochs: [number, string[]][] = [];
  const outcome = await runTrialProcess({
    argv: ['--model', 'mlp-sequential', '--epochs', '3', '--train-samples', '200', '--update-freq', 'epoch', '--run-id', 'trial-0', '--sweep-id', 'sw', '--sweep-trial', '0', '--server', server.url],
    env: process.env,
    logPath: join(dir, 'trial-0.log'),
    watch: (epoch, logs) => {
      epochs.push([epoch, Object.keys(logs).sort()]);
      return epoch === 2 ? { stop: true, reason: 'median stopping rule: worse than the median' } : { stop: false, reason: null };
    },
    signal: never,
  });
  assert.deepEqual(outcome, { ok: true });
  assert.deepEqual(epochs, [[1, ['acc', 'loss', 'val_acc', 'val_loss']], [2, ['acc', 'loss', 'val_acc', 'val_loss']]], 'no third epoch');
  const run = server.app.store.getRun('trial-0')!;
  assert.deepEqual([run.status, run.config.sweepId, run.config.sweepTrial], ['finished', 'sw', 0]);
  const stops = server.app.read.event.list('trial-0', 'median_stopping').events;
  assert.deepEqual(stops.map((e) => [e.reason, e.data.epoch]), [['median stopping rule: worse than the median', 2]]);
  assert.match(readFileSync(join(dir, 'trial-0.log'), 'utf8'), /Epoch 2\/3/, 'the trial\'s output is in its log');
});

test('a trial that crashes ends as a failed outcome quoting why, and the runner goes on', { timeout: 120_000 }, async (t) => {
  const dir = tempDir(t);
  const outcome = await runTrialProcess({
    argv: ['--model', 'imdb-conv1d', '--data', join(dir, 'missing.tar.gz'), '--server', 'http://127.0.0.1:9'],
    env: process.env,
    logPath: join(dir, 'trial-1.log'),
    watch: () => assert.fail('a trial that never trained reports no epoch'),
    signal: never,
  });
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? '' : outcome.reason, /^exit code 1: [^]*training failed: IMDB data not found: .*missing\.tar\.gz \(from --data\) does not exist$/);
});
