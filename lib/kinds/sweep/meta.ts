import type { Goal } from '../../sweep/sampler';
import type { ParamSpec, ParamValue } from '../../sweep/space';
import { decodeNumber, type WireNumber } from '../../protocol/wire-number';

/**
 * The kind name every layer uses for sweeps: a hyperparameter search whose trials are ordinary runs.
 * A sweep's id is a run id: the sweep runner streams as a run of model `sweep` (its steps are trial
 * numbers), so the run list, statuses and the live socket carry sweeps as they carry runs.
 */
export const SWEEP_KIND = 'sweep';
export const SWEEP_MODEL = 'sweep';

export const SWEEP_METHODS = ['tpe', 'random', 'grid'] as const;
export type SweepMethod = (typeof SWEEP_METHODS)[number];

/**
 * running: training now (or cut off by an interrupted sweep, which a resume runs again); finished:
 * trained every epoch it was given; stopped: the median stopping rule ended it early (its value is
 * its best epoch so far); failed: it crashed, ran out of memory or never reported the metric.
 */
export const TRIAL_STATES = ['running', 'finished', 'stopped', 'failed'] as const;
export type TrialState = (typeof TRIAL_STATES)[number];

/** What a sweep searches and how; a resumed sweep sends it again, and the latest one is kept. */
export interface SweepDefinition {
  name: string;
  /** The zoo model every trial trains. */
  model: string;
  method: SweepMethod;
  /** The epoch metric the search optimises, e.g. val_acc. */
  metric: string;
  goal: Goal;
  /** Trial i draws from trialRng(seed, i), so a resumed sweep proposes what the uninterrupted one would. */
  seed: number;
  /** Trials in all (Keras Tuner's max_trials): --trials. */
  maxTrials: number;
  space: ParamSpec[];
  /** Values per numeric param on the grid (method grid). */
  gridPoints: number;
  medianStopping: boolean;
  /** Trials trained side by side. */
  parallel: number;
  /** Trainer flags every trial gets, as given on the command line. */
  args: string[];
}

/** One trial as the runner reports it; each report replaces the previous one of that trial. */
export interface SweepTrial {
  /** 0-based, in the order the trials were proposed. */
  trial: number;
  /** The trial's own run. */
  runId: string;
  params: Record<string, ParamValue>;
  state: TrialState;
  /** The objective: the best value of the metric over the trial's epochs (for its goal); null until an epoch reports it. */
  value: number | null;
  /**
   * The metric after each epoch the trial reported, in order. A resumed sweep's median stopping rule
   * compares with these, and a page can draw every trial's learning curve from the sweep alone.
   */
  curve: number[];
  /** Why it failed or was stopped. */
  reason: string | null;
  /** ms since the epoch */
  startedAt: number;
  finishedAt: number | null;
}

export type WireSweepTrial = Omit<SweepTrial, 'value' | 'curve'> & { value: WireNumber | null; curve: WireNumber[] };

export function decodeTrial(trial: WireSweepTrial): SweepTrial {
  return { ...trial, value: trial.value === null ? null : decodeNumber(trial.value), curve: trial.curve.map(decodeNumber) };
}

/** The best trial that has a value (finished or stopped); NaN ranks last. Null when none has one. */
export function bestTrial<T extends Pick<SweepTrial, 'value' | 'state'>>(trials: readonly T[], goal: Goal): T | null {
  let best: T | null = null;
  for (const trial of trials) {
    if (trial.value === null || (trial.state !== 'finished' && trial.state !== 'stopped')) continue;
    if (best === null || better(trial.value, best.value!, goal)) best = trial;
  }
  return best;
}

function better(a: number, b: number, goal: Goal): boolean {
  if (Number.isNaN(b)) return !Number.isNaN(a);
  return goal === 'max' ? a > b : a < b;
}

/** A sweep as `GET /api/sweeps/{id}` serves it: its definition, its run's status and every trial. */
export interface WireSweep extends SweepDefinition {
  id: string;
  /** The sweep run's status: running, finished, or failed (with the error, e.g. interrupted). */
  status: string;
  error: string | null;
  startedAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** In trial order. */
  trials: WireSweepTrial[];
  /** The best trial's number, or null while no trial has a value. */
  bestTrial: number | null;
}

/** A sweep in `GET /api/sweeps`: its definition without the trials, and counts by state. */
export type SweepSummary = Omit<WireSweep, 'trials' | 'args'> & {
  counts: Record<TrialState, number>;
  /** The best trial's value. */
  bestValue: WireNumber | null;
};

/** The live push after each stored sweep message: the whole sweep, a few KB, so a page just replaces it. */
export interface SweepEvent {
  type: 'sweep';
  runId: string;
  sweep: WireSweep;
}
