import { seededRandom } from '../seeded-random';
import type { ParamValue } from './space';

/** A uniform draw in [0, 1): seededRandom's generator, so a seed makes a sweep repeatable. */
export type Rng = () => number;
export type Params = Record<string, ParamValue>;
/** Whether the sweep's metric is to be maximised (val_acc) or minimised (val_loss). */
export type Goal = 'min' | 'max';

/** A trial as the samplers see it: the params it was given and the metric it reached. */
export interface Observation {
  params: Params;
  /** The metric, or null while the trial runs or when it failed. */
  value: number | null;
}

/**
 * Every search method answers the same question: the next params to try, given the trials so far.
 * Null means the method has nothing left to propose (a grid that has been walked through).
 */
export interface Sampler {
  propose(history: readonly Observation[], rng: Rng): Params | null;
}

/**
 * The value as a loss, lower is better. A trial without a value, or with NaN, counts as the worst
 * there is, as Hyperopt gives running and failed trials an infinite loss: the search then steers away
 * from params that broke, and from those another trial is already trying.
 */
export function lossOf(value: number | null, goal: Goal): number {
  if (value === null || Number.isNaN(value)) return Infinity;
  return goal === 'min' ? value : -value;
}

/**
 * The generator for the trial at `index` of a sweep seeded with `seed`. Each trial draws from its own
 * stream, so a resumed sweep proposes what the uninterrupted one would have, without replaying the
 * draws of the trials before it.
 */
export function trialRng(seed: number, index: number): Rng {
  return seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0);
}
