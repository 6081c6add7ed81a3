import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiServer } from '../helpers/api-routes';
import { runScript } from '../helpers/run-trainer';

test('npm run ensemble: two short runs with checkpoints become an ensemble run with weights summing to 1 and member and ensemble test metrics; a run of another task is refused', { timeout: 600_000 }, async (t) => {
  const { server, dir } = await startApiServer(t, 'ensemble.db');
  const train = async (id: string, extra: string[]) => {
    const flags = ['--model', 'mlp-sequential', '--run-id', id, '--train-samples', '300', '--test-samples', '100', '--update-freq', 'epoch', '--checkpoint', '--save-best-only', '--server', server.url];
    const { code, output } = await runScript('trainer/cli.ts', [...flags, ...extra], dir);
    assert.equal(code, 0, output);
  };
  await train('ens-a', ['--epochs', '2', '--learning-rate', '0.01']);
  await train('ens-b', ['--epochs', '2', '--learning-rate', '0.003', '--batch-size', '32']);
  await train('ens-c', ['--epochs', '1', '--seed', '9']);

  const refused = await runScript('trainer/ensemble/cli.ts', ['--runs', 'ens-a,ens-b,ens-c', '--server', server.url], dir);
  assert.equal(refused.code, 1);
  assert.match(refused.output, /run ens-c \(.*\) cannot join run ens-a \(.*\): seed 9, not 1337: another seed draws other training, validation and test examples/);

  const { code, output } = await runScript('trainer/ensemble/cli.ts', ['--runs', 'ens-a,ens-b', '--weights', 'optimize', '--run-name', 'a+b', '--server', server.url], dir);
  assert.equal(code, 0, output);
  const ensemble = server.app.read.scalar.runs().find((run) => run.model === 'ensemble')!;
  assert.deepEqual([ensemble.name, ensemble.status], ['a+b', 'finished']);
  const config = ensemble.config as { members: { runId: string; weight: number; epoch: number }[]; weights: string; testSamples: number; validationSamples: number };
  assert.deepEqual(config.members.map((m) => m.runId), ['ens-a', 'ens-b']);
  assert.deepEqual([config.weights, config.testSamples, config.validationSamples], ['optimize', 100, 60]);
  const weights = config.members.map((m) => m.weight);
  assert.ok(Math.abs(weights[0] + weights[1] - 1) < 1e-9 && weights.every((w) => w >= 0), JSON.stringify(weights));
  const last = (tag: string) => ensemble.lastScalars[tag]?.[2];
  for (const tag of ['test/acc', 'member/ens-a/test/acc', 'member/ens-b/test/acc']) assert.ok(last(tag)! >= 0 && last(tag)! <= 1, `${tag}: ${last(tag)}`);
  for (const tag of ['test/loss', 'member/ens-a/test/loss', 'member/ens-b/test/loss']) assert.ok(last(tag)! > 0, `${tag}: ${last(tag)}`);
  assert.deepEqual([last('member/ens-a/weight'), last('member/ens-b/weight')], weights);
});
