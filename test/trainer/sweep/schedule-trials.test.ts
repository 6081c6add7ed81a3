import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SweepDefinition, SweepTrial } from '../../../lib/kinds/sweep/meta';
import type { Params } from '../../../lib/sweep/sampler';
import { runSweep, type SweepDeps, type TrialJob, type TrialOutcome, type EpochWatcher } from '../../../trainer/sweep/run-sweep';

const definition: SweepDefinition = {
  name: 'toy', model: 'toy', method: 'tpe', metric: 'val_loss', goal: 'min', seed: 5, maxTrials: 9,
  space: [
    { name: 'x1', kind: 'uniform', low: -5, high: 10 },
    { name: 'x2', kind: 'uniform', low: 0, high: 15 },
  ],
  gridPoints: 3, medianStopping: false, parallel: 1, args: [],
};

/** Branin as a trial's final val_loss, approached over `epochs` epochs. */
function branin(params: Params): number {
  const [x1, x2] = [params.x1 as number, params.x2 as number];
  return (x2 - (5.1 / (4 * Math.PI ** 2)) * x1 ** 2 + (5 / Math.PI) * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
}

interface Fake {
  deps: SweepDeps;
  /** Trial numbers in the order they were trained. */
  trained: number[];
  /** The latest report of each trial, as the server keeps them. */
  stored: Map<number, SweepTrial>;
}

/** A sweep's dependencies with a training that takes no time: `train` says what each trial does. */
function fake(train: (job: TrialJob, watch: EpochWatcher) => TrialOutcome, signal = new AbortController().signal): Fake {
  const trained: number[] = [];
  const stored = new Map<number, SweepTrial>();
  let clock = 1000;
  return {
    trained,
    stored,
    deps: {
      train: async (job, watch) => {
        trained.push(job.trial);
        return train(job, watch);
      },
      report: (trial) => stored.set(trial.trial, structuredClone(trial)),
      signal,
      now: () => clock++,
      log: () => undefined,
    },
  };
}

/** Three epochs closing in on the objective; stops when told to. */
function epochs(objective: (params: Params) => number, count = 3) {
  return (job: TrialJob, watch: EpochWatcher): TrialOutcome => {
    for (let epoch = 1; epoch <= count; epoch++) {
      if (watch(epoch, { loss: 1, val_loss: objective(job.params) + (count - epoch) }).stop) break;
    }
    return { ok: true };
  };
}

test('a resumed sweep proposes what the uninterrupted one did, trains only the trials it lacks, and reruns the cut-off one as a new run', async () => {
  const whole = fake(epochs(branin));
  const uninterrupted = await runSweep('sw', definition, [], whole.deps);
  assert.deepEqual(whole.trained, [0, 1, 2, 3, 4, 5, 6, 7, 8]);

  const controller = new AbortController();
  const cut = fake((job, watch) => {
    if (job.trial < 6) return epochs(branin)(job, watch);
    watch(1, { val_loss: 99 });
    controller.abort();
    return { ok: false, reason: 'interrupted (SIGINT)' };
  }, controller.signal);
  await runSweep('sw', definition, [], cut.deps);
  assert.deepEqual(cut.trained, [0, 1, 2, 3, 4, 5, 6], 'no trial starts after the interruption');
  assert.deepEqual([...cut.stored.values()].map((t) => t.state), ['finished', 'finished', 'finished', 'finished', 'finished', 'finished', 'running']);

  const rest = fake(epochs(branin));
  const resumed = await runSweep('sw', definition, [...cut.stored.values()], rest.deps);
  assert.deepEqual(rest.trained, [6, 7, 8], 'finished trials are not trained again');
  assert.deepEqual(resumed.trials.map((t) => t.params), uninterrupted.trials.map((t) => t.params), 'same proposals, TPE ones included');
  assert.deepEqual(resumed.trials.map((t) => t.value), uninterrupted.trials.map((t) => t.value));
  assert.equal(resumed.trials[5].runId, 'sw-t5', 'a kept trial keeps its run');
  assert.match(resumed.trials[6].runId, /^sw-t6-[0-9a-z]+$/, 'the rerun is a run of its own');
  assert.deepEqual(resumed.trials[6].curve, [branin(resumed.trials[6].params) + 2, branin(resumed.trials[6].params) + 1, branin(resumed.trials[6].params)], 'the rerun starts its curve afresh');
});

test('a failed trial is recorded with its reason and the sweep goes on; a metric no trial logs ends the sweep', async () => {
  const sweep = fake((job, watch) => (job.trial === 1 ? { ok: false, reason: 'exit code 134: out of memory' } : epochs(branin)(job, watch)));
  const { trials, fatal } = await runSweep('sw', { ...definition, maxTrials: 4 }, [], sweep.deps);
  assert.equal(fatal, null);
  assert.deepEqual(trials.map((t) => [t.trial, t.state]), [[0, 'finished'], [1, 'failed'], [2, 'finished'], [3, 'finished']]);
  assert.deepEqual([trials[1].reason, trials[1].value, sweep.stored.get(1)!.state], ['exit code 134: out of memory', null, 'failed']);
  assert.equal(trials[2].value, branin(trials[2].params), 'the value is the best epoch');

  const typo = fake(epochs(branin));
  const wrong = await runSweep('sw', { ...definition, metric: 'val_accuracy', goal: 'max' }, [], typo.deps);
  assert.deepEqual(typo.trained, [0]);
  assert.match(wrong.fatal ?? '', /^metric "val_accuracy" is not in the epoch logs \(loss, val_loss\)/);
  assert.equal(wrong.trials[0].state, 'failed');
});

test('with median stopping, a trial worse than the completed trials\' median after its second epoch is stopped and recorded as such', async () => {
  // Trials 0–2 reach 1, 2 and 3; trial 3 sits at 50 and is stopped; trial 4, as good as the rest, runs on.
  const target = [1, 2, 3, 50, 2];
  const sweep = fake(epochs((params) => target[params.x1 as number]));
  const grid: SweepDefinition = { ...definition, method: 'grid', medianStopping: true, maxTrials: 5, space: [{ name: 'x1', kind: 'choice', choices: [0, 1, 2, 3, 4] }] };
  const { trials } = await runSweep('sw', grid, [], sweep.deps);
  assert.deepEqual(trials.map((t) => [t.state, t.curve.length]), [['finished', 3], ['finished', 3], ['finished', 3], ['stopped', 2], ['finished', 3]]);
  assert.equal(trials[3].value, 51);
  assert.match(trials[3].reason ?? '', /^median stopping rule: best val_loss 51\.0000 after epoch 2 is worse than the median 3\.5000 /);
});

test('parallel trials run side by side up to the limit, and a walked-through grid ends the sweep early', async () => {
  let running = 0;
  let most = 0;
  const grid: SweepDefinition = { ...definition, method: 'grid', parallel: 2, maxTrials: 10, space: [{ name: 'x1', kind: 'choice', choices: [1, 2, 3] }] };
  const sweep = fake(() => ({ ok: true }));
  sweep.deps.train = async (job, watch) => {
    most = Math.max(most, ++running);
    await new Promise((resolve) => setImmediate(resolve));
    watch(1, { val_loss: job.params.x1 as number });
    running--;
    return { ok: true };
  };
  const { trials } = await runSweep('sw', grid, [], sweep.deps);
  assert.equal(most, 2);
  assert.deepEqual(trials.map((t) => t.params.x1), [1, 2, 3]);
});
