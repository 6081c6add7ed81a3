import { lossOf, type Goal } from './sampler';

/**
 * The median stopping rule of Google Vizier (Golovin et al. 2017, §3.2.2): "stop a pending trial x_t
 * at step s if the trial's best objective value by step s is strictly worse than the median value of
 * the running averages ô_τ(1:s) of all completed trials' objectives y_τ reported up to step s."
 *
 * Exactly, at the current trial's latest epoch e:
 * - best = its best value over its epochs ≤ e (the highest for goal max, the lowest for min);
 * - for every completed trial with at least one epoch ≤ e, its running average = the mean of its
 *   values over its epochs ≤ e (a trial that finished early, e.g. by early stopping, averages what it
 *   reported); median = the median of those averages (the mean of the middle two for an even count);
 * - stop when best is strictly worse than median.
 * NaN counts as the worst value there is, so a diverged trial is stopped and a diverged completed
 * trial pulls the median toward letting others run. Comparing a best-so-far against averages that
 * include every early, poorer epoch favours the running trial: the rule stops only clear losers.
 * It keeps quiet until `minTrials` completed trials have reached epoch e and the current trial has
 * reported `minEpochs` epochs.
 */
export interface MedianStoppingArgs {
  goal: Goal;
  /** Completed trials the median needs (Ray Tune's min_samples_required). Default 3. */
  minTrials?: number;
  /**
   * Epochs every trial runs before the rule may stop it. Default 2: after one epoch the rule would
   * only compare first-epoch values, which punishes trials that start slowly, such as low learning
   * rates.
   */
  minEpochs?: number;
}

/** A trial's objective per epoch, in the order reported. */
export type Curve = readonly { epoch: number; value: number }[];

export interface StoppingDecision {
  stop: boolean;
  /** The current trial's best value so far, in the metric's own terms. */
  best: number;
  /** The median of the completed trials' running averages, or null while there are too few. */
  median: number | null;
  /** The epoch the decision is for: the current trial's latest. */
  epoch: number;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function medianStopping(current: Curve, completed: readonly Curve[], args: MedianStoppingArgs): StoppingDecision {
  const { goal, minTrials = 3, minEpochs = 2 } = args;
  const toMetric = (loss: number) => (goal === 'min' ? loss : -loss);
  const epoch = current.length ? Math.max(...current.map((r) => r.epoch)) : NaN;
  const best = Math.min(...current.map((r) => lossOf(r.value, goal)));
  const averages = completed.flatMap((curve) => {
    const upTo = curve.filter((r) => r.epoch <= epoch);
    return upTo.length ? [upTo.reduce((s, r) => s + lossOf(r.value, goal), 0) / upTo.length] : [];
  });
  if (current.length < minEpochs || averages.length < minTrials) return { stop: false, best: toMetric(best), median: null, epoch };
  const median = medianOf(averages);
  return { stop: best > median, best: toMetric(best), median: toMetric(median), epoch };
}
