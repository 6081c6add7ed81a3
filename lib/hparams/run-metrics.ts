import type { Config } from '../compare/config-values';
import type { WireLastPoint } from '../kinds/scalar/points';
import { decodeNumber } from '../protocol/wire-number';
import { decodeTrial, type TrialState, type WireSweep } from '../kinds/sweep/meta';
import type { HParamRun } from './hparam-axes';

/** What the HParams view needs of a run summary (the run list's and the compare page's). */
export interface RunWithLastScalars {
  id: string;
  name: string;
  config: Config;
  lastScalars: Readonly<Record<string, WireLastPoint>>;
}

/** A run's metrics: the last value of each scalar tag, as the run list shows it. */
export function lastMetrics(run: Pick<RunWithLastScalars, 'lastScalars'>): Record<string, number> {
  return Object.fromEntries(Object.entries(run.lastScalars).map(([tag, [, , value]]) => [tag, decodeNumber(value)]));
}

/** Any run in the HParams view: its config is its hyperparameters, its last values its metrics. */
export function hparamRun(run: RunWithLastScalars): HParamRun {
  return { id: run.id, name: run.name, config: run.config, metrics: lastMetrics(run) };
}

export interface TrialRun extends HParamRun {
  trial: number;
  state: TrialState;
}

/**
 * A sweep's trials as HParams runs: the params the search chose are the config, and the metrics are
 * the trial run's last values (its test metrics among them, once it has ended) with the sweep's
 * objective replaced by the trial's value: the best epoch's, which is what the search ranked.
 * A trial whose run is not loaded (yet) has the objective alone.
 */
export function trialRuns(sweep: WireSweep, runs: ReadonlyMap<string, RunWithLastScalars>): TrialRun[] {
  return sweep.trials.map((wire) => {
    const trial = decodeTrial(wire);
    const run = runs.get(trial.runId);
    const metrics = run ? lastMetrics(run) : {};
    // The run's last epoch of the objective would stand beside its best as a second, lesser axis.
    delete metrics[`epoch/${sweep.metric}`];
    if (trial.value === null) delete metrics[sweep.metric];
    else metrics[sweep.metric] = trial.value;
    return { id: trial.runId, name: run?.name ?? `trial ${trial.trial}`, config: trial.params, metrics, trial: trial.trial, state: trial.state };
  });
}
