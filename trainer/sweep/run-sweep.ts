import type { SweepDefinition, SweepTrial } from '../../lib/kinds/sweep/meta';
import { GridSampler } from '../../lib/sweep/grid-sampler';
import { medianStopping } from '../../lib/sweep/median-stopping';
import { RandomSampler } from '../../lib/sweep/random-sampler';
import { lossOf, trialRng, type Observation, type Params, type Sampler } from '../../lib/sweep/sampler';
import { TpeSampler } from '../../lib/sweep/tpe-sampler';
import { formatMetric } from '../callbacks/progress-bar';

/** One trial to train: its number, the run it streams as, and its params. */
export interface TrialJob {
  trial: number;
  runId: string;
  params: Params;
}

/** How a trial's training ended, as far as its process can tell. */
export type TrialOutcome = { ok: true } | { ok: false; reason: string };

/** After each epoch of a trial: its logs in, whether to stop it (and why) out. */
export type EpochWatcher = (epoch: number, logs: Record<string, number>) => { stop: boolean; reason: string | null };

export interface SweepDeps {
  /** Trains one trial, calling `watch` after each epoch; resolves once the trial has ended, however it ended. */
  train(job: TrialJob, watch: EpochWatcher): Promise<TrialOutcome>;
  /** Records a trial's latest state (the server, through the sweep's run). */
  report(trial: SweepTrial): void;
  /** Once aborted (Ctrl-C), no trial starts, and the ones cut off stay `running` for a resume to run again. */
  signal: AbortSignal;
  now(): number;
  log(line: string): void;
}

export interface SweepResult {
  /** Every trial, in trial order. */
  trials: SweepTrial[];
  /** Set when the sweep cannot go on (its metric is not logged): the sweep fails with it. */
  fatal: string | null;
}

export function samplerFor(definition: SweepDefinition): Sampler {
  if (definition.method === 'grid') return new GridSampler(definition.space, definition.gridPoints);
  if (definition.method === 'random') return new RandomSampler(definition.space);
  return new TpeSampler(definition.space, { goal: definition.goal });
}

/** The best of a curve for the goal; NaN only when every epoch was NaN. */
export function bestOf(curve: readonly number[], goal: SweepDefinition['goal']): number | null {
  if (curve.length === 0) return null;
  return curve.reduce((best, v) => (lossOf(v, goal) < lossOf(best, goal) ? v : best));
}

const ENDED = new Set(['finished', 'stopped', 'failed']);

/**
 * Runs a sweep's trials, `parallel` at a time, until it has `maxTrials` (or the grid is walked
 * through). Trial i's params come from the method given every trial proposed before it and the
 * generator trialRng(seed, i). `previous` are the trials a resumed sweep already has: ended ones are
 * kept as they are, and the ones an interruption cut off train again with the params they were given,
 * as a fresh run. A failed trial is recorded and the sweep goes on.
 */
export async function runSweep(sweepId: string, definition: SweepDefinition, previous: readonly SweepTrial[], deps: SweepDeps): Promise<SweepResult> {
  const { metric, goal } = definition;
  const sampler = samplerFor(definition);
  const trials = new Map<number, SweepTrial>(previous.map((t) => [t.trial, { ...t }]));
  const reruns = previous.filter((t) => !ENDED.has(t.state)).map((t) => t.trial).sort((a, b) => a - b);
  let next = Math.max(-1, ...trials.keys()) + 1;
  let fatal: string | null = null;
  let exhausted = false;

  // A running or failed trial counts as the worst there is, as Hyperopt has it (see lossOf).
  const history = (): Observation[] =>
    [...trials.values()].sort((a, b) => a.trial - b.trial).map((t) => ({ params: t.params, value: t.state === 'finished' || t.state === 'stopped' ? t.value : null }));

  const nextJob = (): TrialJob | null => {
    const rerun = reruns.shift();
    if (rerun !== undefined) return { trial: rerun, runId: `${sweepId}-t${rerun}-${deps.now().toString(36)}`, params: trials.get(rerun)!.params };
    if (exhausted || next >= definition.maxTrials) return null;
    const params = sampler.propose(history(), trialRng(definition.seed, next));
    if (!params) {
      exhausted = true;
      deps.log(`the grid has no point left after ${next} trials`);
      return null;
    }
    return { trial: next++, runId: `${sweepId}-t${next - 1}`, params };
  };

  const completedCurves = (except: number) =>
    [...trials.values()].filter((t) => t.trial !== except && (t.state === 'finished' || t.state === 'stopped')).map((t) => t.curve.map((value, i) => ({ epoch: i + 1, value })));

  const runTrial = async (job: TrialJob): Promise<void> => {
    const trial: SweepTrial = { ...job, state: 'running', value: null, curve: [], reason: null, startedAt: deps.now(), finishedAt: null };
    trials.set(job.trial, trial);
    deps.report({ ...trial });
    deps.log(`trial ${job.trial} started as run ${job.runId}: ${JSON.stringify(job.params)}`);
    const why: { stopped: string | null; missingMetric: string | null } = { stopped: null, missingMetric: null };
    const watch: EpochWatcher = (epoch, logs) => {
      const value = logs[metric];
      if (value === undefined) {
        why.missingMetric = `metric "${metric}" is not in the epoch logs (${Object.keys(logs).join(', ')}): every trial would fail`;
        return { stop: true, reason: why.missingMetric };
      }
      trial.curve.push(value);
      trial.value = bestOf(trial.curve, goal);
      deps.report({ ...trial, curve: [...trial.curve] });
      deps.log(`trial ${job.trial} epoch ${epoch}: ${metric} ${formatMetric(value)}`);
      if (!definition.medianStopping) return { stop: false, reason: null };
      const decision = medianStopping(trial.curve.map((v, i) => ({ epoch: i + 1, value: v })), completedCurves(job.trial), { goal });
      if (!decision.stop) return { stop: false, reason: null };
      why.stopped = `median stopping rule: best ${metric} ${formatMetric(decision.best)} after epoch ${epoch} is worse than the median ${formatMetric(decision.median!)} of the completed trials' running averages`;
      return { stop: true, reason: why.stopped };
    };
    const outcome = await deps.train(job, watch);
    if (deps.signal.aborted) return;
    fatal ??= why.missingMetric;
    const failure = why.missingMetric ?? (!outcome.ok ? outcome.reason : trial.curve.length === 0 ? 'the trial reported no epoch' : null);
    Object.assign(trial, {
      state: failure ? 'failed' : why.stopped ? 'stopped' : 'finished',
      reason: failure ?? why.stopped,
      finishedAt: deps.now(),
    });
    deps.report({ ...trial, curve: [...trial.curve] });
    deps.log(`trial ${job.trial} ${trial.state}${trial.value === null ? '' : `: ${metric} ${formatMetric(trial.value)}`}${trial.reason ? ` (${trial.reason})` : ''}`);
  };

  const active = new Set<Promise<void>>();
  for (;;) {
    while (active.size < definition.parallel && fatal === null && !deps.signal.aborted) {
      const job = nextJob();
      if (!job) break;
      const running = runTrial(job).finally(() => active.delete(running));
      active.add(running);
    }
    if (active.size === 0) break;
    await Promise.race(active);
  }
  return { trials: [...trials.values()].sort((a, b) => a.trial - b.trial), fatal };
}
