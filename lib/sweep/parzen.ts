import { standardNormal, weightedIndex } from './draws';
import { logSumExp, normalLogPdf, normalMass } from './gaussian';
import type { Rng } from './sampler';

/**
 * The adaptive Parzen estimator of Bergstra et al. 2011 §4, with Hyperopt's settings, for one numeric
 * param over its internal interval [low, high]: a Gaussian kernel per observation plus one for the
 * prior.
 */
export interface ParzenArgs {
  /** Weight of the prior kernel against 1 per observation (Hyperopt's prior_weight, 1). */
  priorWeight: number;
  /** The latest this many observations weigh 1, older ones ramp down (Hyperopt's LF, 25). */
  forgetting: number;
}

/** Kernels in the observations' order, the prior's last; weights sum to 1. */
export interface Kernels {
  mus: number[];
  sigmas: number[];
  weights: number[];
}

/** The kernels as one mixture truncated to [low, high] (Hyperopt's GMM1). */
export interface Mixture extends Kernels {
  low: number;
  high: number;
  /** log of the mixture's mass inside [low, high], which the truncation divides by. */
  logAccept: number;
}

/**
 * Observation weights, oldest first: 1 for the latest `forgetting`, a linear ramp from 1/n up to 1
 * over the older ones, so a long search keeps adapting to where it is now.
 */
export function forgettingWeights(n: number, forgetting: number): number[] {
  if (n <= forgetting) return new Array<number>(n).fill(1);
  const ramp = n - forgetting;
  return Array.from({ length: n }, (_, i) => (i >= ramp ? 1 : ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1)));
}

/**
 * Kernels for observations (internal values, oldest first). The prior is N(middle, width), width =
 * high − low. Each observation's bandwidth is the larger gap to its neighbours once the observations
 * and the prior's mean are sorted together (the one gap at either end), clipped to
 * [width / min(100, kernels + 1), width]: wide where observations are sparse, narrow where they
 * cluster, and never narrower than the clip allows for this many kernels.
 */
export function parzenKernels(observations: readonly number[], low: number, high: number, args: ParzenArgs): Kernels {
  const width = high - low;
  const mus = [...observations, (low + high) / 2];
  const order = mus.map((_, i) => i).sort((a, b) => mus[a] - mus[b]);
  const minSigma = width / Math.min(100, mus.length + 1);
  const prior = mus.length - 1;
  const sigmas = new Array<number>(mus.length);
  order.forEach((i, rank) => {
    const left = rank > 0 ? mus[i] - mus[order[rank - 1]] : 0;
    const right = rank < order.length - 1 ? mus[order[rank + 1]] - mus[i] : 0;
    sigmas[i] = i === prior ? width : Math.min(width, Math.max(minSigma, left, right));
  });
  const raw = [...forgettingWeights(observations.length, args.forgetting), args.priorWeight];
  const total = raw.reduce((s, w) => s + w, 0);
  return { mus, sigmas, weights: raw.map((w) => w / total) };
}

export function adaptiveParzen(observations: readonly number[], low: number, high: number, args: ParzenArgs): Mixture {
  const kernels = parzenKernels(observations, low, high, args);
  const { mus, sigmas, weights } = kernels;
  const logAccept = Math.log(weights.reduce((s, w, k) => s + w * normalMass(low, high, mus[k], sigmas[k]), 0));
  return { ...kernels, low, high, logAccept };
}

/** A draw from N(mu, sigma²) truncated to [low, high], by rejection (mu lies inside, sigma ≤ width). */
export function truncatedNormal(mu: number, sigma: number, low: number, high: number, rng: Rng): number {
  for (;;) {
    const x = mu + sigma * standardNormal(rng);
    if (x >= low && x <= high) return x;
  }
}

/**
 * A draw from the truncated mixture by rejection, choosing the kernel afresh on each try (that is
 * what truncating the mixture, not each kernel, means). Every mean lies inside [low, high] and no
 * sigma exceeds the width, so about a third of the tries or more land inside.
 */
export function sampleMixture(m: Mixture, rng: Rng): number {
  for (;;) {
    const k = weightedIndex(m.weights, rng);
    const x = m.mus[k] + m.sigmas[k] * standardNormal(rng);
    if (x >= m.low && x <= m.high) return x;
  }
}

/** log density of the truncated mixture at x. */
export function mixtureLogPdf(m: Mixture, x: number): number {
  return logSumExp(m.weights.map((w, k) => Math.log(w) + normalLogPdf(x, m.mus[k], m.sigmas[k]))) - m.logAccept;
}

/** log of the truncated mixture's mass over [lo, hi]: the probability of a quantised value's cell. */
export function mixtureLogMass(m: Mixture, lo: number, hi: number): number {
  return Math.log(m.weights.reduce((s, w, k) => s + w * normalMass(lo, hi, m.mus[k], m.sigmas[k]), 0)) - m.logAccept;
}
