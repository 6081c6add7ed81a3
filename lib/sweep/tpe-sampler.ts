import { categoricalProbs } from './categorical-parzen';
import { cellOf, dimensionOf, internalOf, valueAt } from './dimension';
import { weightedIndex } from './draws';
import { JointParzen, type Axis, type Point } from './joint-parzen';
import { adaptiveParzen, mixtureLogMass, mixtureLogPdf, sampleMixture } from './parzen';
import { drawParams } from './random-sampler';
import { farthestCandidate } from './startup-design';
import { lossOf, type Goal, type Observation, type Params, type Rng, type Sampler } from './sampler';
import type { SearchSpace } from './space';

/**
 * The Tree-structured Parzen Estimator of Bergstra, Bardenet, Bengio and Kégl, "Algorithms for
 * Hyper-Parameter Optimization" (NIPS 2011), with Hyperopt's defaults unless noted.
 *
 * TPE models p(x | y) instead of p(y | x): the trials split into the good ones (lowest loss) and the
 * rest, l(x) is a density fitted to the good trials' params and g(x) one fitted to the rest's.
 * Expected improvement over the split's threshold grows with l(x) / g(x) (the paper's eq. 6), so the
 * next params are the best ratio among candidates drawn from l.
 */
export interface TpeArgs {
  goal: Goal;
  /**
   * One joint density over all params (BOHB's and Optuna's multivariate TPE) instead of the paper's
   * and Hyperopt's product of 1-D densities, one per param. The product forgets which values came
   * together: with two good trials at (a, b) and (c, d) it rates (a, d) as highly as either. On the
   * benchmark (bench/search.ts) the joint one reaches random search's best-of-40 in fewer trials on
   * both functions. Default true.
   */
  multivariate?: boolean;
  /**
   * Trials drawn at random from the prior before TPE fits anything. Hyperopt's 20 suits budgets of
   * hundreds; sweeps here run tens of trials (on 2 cores), where 20 would be half or all of the
   * budget. With 5, TPE steers from the 6th trial of a 12-trial sweep on. Default 5.
   */
  startupTrials?: number;
  /**
   * Prior draws per startup trial, of which the one farthest from the trials so far is taken
   * (startup-design.ts), so the few startup trials cover the box instead of clumping. 1 is Hyperopt's
   * and the paper's plain random startup. 20 did best on the benchmark's tuning seeds (1001–1050, 2001–2050, 3001–3050, 4001–4050),
   * where 10 and plain random starts left Branin's mean best-of-20 higher. Default 20.
   */
  startupCandidates?: number;
  /** Candidates drawn from l(x); the best ratio wins (Hyperopt's n_EI_candidates). Default 24. */
  candidates?: number;
  /**
   * How many trials count as good: ⌈gamma·√n⌉ of n, at most `forgetting`. That is Hyperopt's rule,
   * not the paper's quantile (a fixed fraction of n): the good group grows slowly, so the search keeps
   * narrowing in on the best few trials as n grows. Hyperopt's gamma is 0.25 (1 good trial of up to 16).
   * 0.75 (2 of 5 to 7, 3 of 8 to 16, 4 of 17 to 28, 5 of 29 to 44) did best on the benchmark's tuning
   * seeds: 0.5 and 1 each fell behind on one of the two functions. Default 0.75.
   */
  gamma?: number;
  /** Weight of the prior kernel, against 1 per observation. Default 1. */
  priorWeight?: number;
  /** Observations older than the latest this many weigh less (a linear ramp). Default 25. */
  forgetting?: number;
}

export const TPE_DEFAULTS = { multivariate: true, startupTrials: 5, startupCandidates: 20, candidates: 24, gamma: 0.75, priorWeight: 1, forgetting: 25 };

/** The good trials (lowest loss, ties in trial order) and the rest, each group in trial order. */
export function splitObservations<T extends { value: number | null }>(
  history: readonly T[],
  goal: Goal,
  gamma: number,
  cap: number,
): { good: T[]; bad: T[] } {
  const count = Math.min(Math.ceil(gamma * Math.sqrt(history.length)), cap);
  const ranked = history.map((trial, index) => ({ index, loss: lossOf(trial.value, goal) })).sort((a, b) => a.loss - b.loss);
  const good = new Set(ranked.slice(0, count).map((r) => r.index));
  return { good: history.filter((_, i) => good.has(i)), bad: history.filter((_, i) => !good.has(i)) };
}

export class TpeSampler implements Sampler {
  private readonly args: Required<TpeArgs>;
  private readonly axes: Axis[];

  constructor(
    private readonly space: SearchSpace,
    args: TpeArgs,
  ) {
    this.args = { ...TPE_DEFAULTS, ...args };
    for (const key of ['candidates', 'startupCandidates'] as const) {
      if (!(Number.isInteger(this.args[key]) && this.args[key] >= 1)) throw new RangeError(`TPE ${key} must be a positive integer, got ${this.args[key]}`);
    }
    this.axes = space.map((spec) => (spec.kind === 'choice' ? { choices: spec.choices } : { dim: dimensionOf(spec) }));
  }

  propose(history: readonly Observation[], rng: Rng): Params {
    const observed = history.flatMap((trial) => {
      const point = this.encode(trial.params);
      return point ? [{ point, value: trial.value }] : [];
    });
    if (history.length < this.args.startupTrials) {
      const drawn = Array.from({ length: this.args.startupCandidates }, () => drawParams(this.space, rng));
      // Prior draws always fit the space, so every one encodes.
      const points = drawn.map((params) => this.encode(params) as Point);
      return drawn[farthestCandidate(points, observed.map((trial) => trial.point), this.axes)];
    }
    const { good, bad } = splitObservations(observed, this.args.goal, this.args.gamma, this.args.forgetting);
    const [l, g] = [good, bad].map((group) => group.map((trial) => trial.point));
    const point = this.args.multivariate ? this.proposeJoint(l, g, rng) : this.proposeEach(l, g, rng);
    return Object.fromEntries(
      this.axes.map((axis, d) => [this.space[d].name, 'choices' in axis ? axis.choices[point[d]] : valueAt(axis.dim, point[d])]),
    );
  }

  /** Null for params outside this space: a resumed sweep whose flags changed leaves those trials out. */
  private encode(params: Params): Point | null {
    const point: Point = [];
    for (const [d, axis] of this.axes.entries()) {
      const value = params[this.space[d].name];
      if ('choices' in axis) {
        const index = axis.choices.indexOf(value);
        if (index < 0) return null;
        point.push(index);
      } else {
        if (typeof value !== 'number' || !(value >= axis.dim.min && value <= axis.dim.max)) return null;
        point.push(internalOf(axis.dim, value));
      }
    }
    return point;
  }

  private proposeJoint(good: Point[], bad: Point[], rng: Rng): Point {
    const l = new JointParzen(this.axes, good, this.args);
    const g = new JointParzen(this.axes, bad, this.args);
    const drawn = Array.from({ length: this.args.candidates }, () => l.draw(rng));
    return bestBy(drawn, (point) => l.logDensity(point) - g.logDensity(point));
  }

  /**
   * The paper's and Hyperopt's way: a 1-D l and g per param. Their ratio for the whole point is the
   * product of the per-param ratios, so taking each param's best candidate on its own maximises it
   * over every combination of the drawn candidates, as Hyperopt does.
   */
  private proposeEach(good: Point[], bad: Point[], rng: Rng): Point {
    const draw = (sample: () => number) => Array.from({ length: this.args.candidates }, sample);
    return this.axes.map((axis, d) => {
      const [l, g] = [good, bad].map((group) => group.map((point) => point[d]));
      if ('choices' in axis) {
        const [pl, pg] = [l, g].map((column) => categoricalProbs(column, axis.choices.length, this.args));
        return bestBy(draw(() => weightedIndex(pl, rng)), (index) => Math.log(pl[index]) - Math.log(pg[index]));
      }
      const [ml, mg] = [l, g].map((column) => adaptiveParzen(column, axis.dim.low, axis.dim.high, this.args));
      return bestBy(draw(() => sampleMixture(ml, rng)), (z) => {
        // A quantised value stands for its whole cell, so it is scored by the cell's mass.
        if (axis.dim.q === null) return mixtureLogPdf(ml, z) - mixtureLogPdf(mg, z);
        const [lo, hi] = cellOf(axis.dim, valueAt(axis.dim, z));
        return mixtureLogMass(ml, lo, hi) - mixtureLogMass(mg, lo, hi);
      });
    });
  }
}

/** The candidate with the highest score; the first on ties, and the first if every score is NaN. */
function bestBy<T>(candidates: T[], score: (candidate: T) => number): T {
  let best = candidates[0];
  let top = score(best);
  for (const candidate of candidates.slice(1)) {
    const s = score(candidate);
    if (s > top || Number.isNaN(top)) [best, top] = [candidate, s];
  }
  return best;
}
