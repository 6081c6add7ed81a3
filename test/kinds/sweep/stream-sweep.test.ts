import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { SweepDefinition } from '../../../lib/kinds/sweep/meta';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';
import { watchedRun } from '../../helpers/watched-run';

const definition: SweepDefinition = {
  name: 'grid', model: 'mlp-sequential', method: 'grid', metric: 'val_loss', goal: 'min', seed: 1, maxTrials: 2,
  space: [{ name: 'batchSize', kind: 'choice', choices: [16, 32] }], gridPoints: 5, medianStopping: false, parallel: 1, args: [],
};

test('Run.logSweep and logSweepTrials travel the real WebSocket and each stored message pushes the whole sweep', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'sweep.db'));
  t.after(() => server.close());
  const { run, pushes } = await watchedRun(t, server, 'grid', 5000);

  run.logSweep(definition);
  const running = { trial: 0, runId: 'trial-0', params: { batchSize: 16 }, state: 'running' as const, value: null, curve: [], reason: null, startedAt: 5000, finishedAt: null };
  run.logSweepTrials([running]);
  run.logSweepTrials([{ ...running, state: 'finished', value: NaN, curve: [0.4, NaN], finishedAt: 6000 }]);
  assert.equal(await run.drained(10_000), true);
  const sweeps = () => pushes.flatMap((p) => (p.type === 'sweep' ? [p.sweep] : []));
  while (sweeps().length < 3) await new Promise((resolve) => setTimeout(resolve, 10));

  assert.deepEqual(sweeps().map((s) => s.trials.map((x) => [x.state, x.value])), [[], [['running', null]], [['finished', 'NaN']]]);
  assert.ok(pushes.every((p) => p.type !== 'sweep' || (p.runId === run.id && p.sweep.id === run.id)));
  assert.deepEqual(server.app.read.sweep.get(run.id).trials[0], { ...running, state: 'finished', value: 'NaN', curve: [0.4, 'NaN'], finishedAt: 6000 });
  run.close();
});
