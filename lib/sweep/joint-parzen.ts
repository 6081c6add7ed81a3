import { choiceKernels } from './categorical-parzen';
import { cellOf, valueAt, type Dimension } from './dimension';
import { weightedIndex } from './draws';
import { logSumExp, normalLogPdf, normalMass } from './gaussian';
import { forgettingWeights, parzenKernels, truncatedNormal, type ParzenArgs } from './parzen';
import type { Rng } from './sampler';
import type { ParamValue } from './space';

/** A param as the estimators see it: a numeric interval or a list of choices. */
export type Axis = { dim: Dimension } | { choices: readonly ParamValue[] };
/** A trial's params as coordinates: the internal value of a numeric param, the index of a choice. */
export type Point = number[];

interface NumericKernels {
  dim: Dimension;
  mus: number[];
  sigmas: number[];
  /** Per kernel: log of its mass inside the interval, as each kernel is truncated on its own. */
  logAccept: number[];
}

/**
 * A multivariate Parzen estimator, as in BOHB (Falkner, Klein and Hutter 2018) and Optuna's
 * multivariate TPE: one kernel per observation over all params at once, the product of a Gaussian
 * per numeric param (with the same adaptive bandwidths as the 1-D estimator) and a smoothed
 * distribution per choice, plus a prior kernel. Unlike a product of 1-D estimators it keeps which
 * values came together, so l(x) proposes near the good trials themselves, not anywhere on the grid of
 * their separate coordinates.
 */
export class JointParzen {
  private readonly weights: number[];
  private readonly axes: (NumericKernels | number[][])[];

  constructor(axes: readonly Axis[], observations: readonly Point[], args: ParzenArgs) {
    const raw = [...forgettingWeights(observations.length, args.forgetting), args.priorWeight];
    const total = raw.reduce((s, w) => s + w, 0);
    this.weights = raw.map((w) => w / total);
    this.axes = axes.map((axis, d) => {
      const column = observations.map((point) => point[d]);
      if ('choices' in axis) return choiceKernels(column, axis.choices.length, args.priorWeight);
      const { mus, sigmas } = parzenKernels(column, axis.dim.low, axis.dim.high, args);
      const logAccept = mus.map((mu, k) => Math.log(normalMass(axis.dim.low, axis.dim.high, mu, sigmas[k])));
      return { dim: axis.dim, mus, sigmas, logAccept };
    });
  }

  draw(rng: Rng): Point {
    const k = weightedIndex(this.weights, rng);
    return this.axes.map((axis) => {
      if (Array.isArray(axis)) return weightedIndex(axis[k], rng);
      return truncatedNormal(axis.mus[k], axis.sigmas[k], axis.dim.low, axis.dim.high, rng);
    });
  }

  logDensity(point: Point): number {
    const terms = this.weights.map(Math.log);
    this.axes.forEach((axis, d) => {
      const x = point[d];
      if (Array.isArray(axis)) {
        axis.forEach((row, k) => (terms[k] += Math.log(row[x])));
        return;
      }
      // A quantised value stands for its whole cell, so each kernel is scored by its mass there.
      const cell = axis.dim.q === null ? null : cellOf(axis.dim, valueAt(axis.dim, x));
      axis.mus.forEach((mu, k) => {
        const sigma = axis.sigmas[k];
        const log = cell ? Math.log(normalMass(cell[0], cell[1], mu, sigma)) : normalLogPdf(x, mu, sigma);
        terms[k] += log - axis.logAccept[k];
      });
    });
    return logSumExp(terms);
  }
}
