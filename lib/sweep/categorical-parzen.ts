import { forgettingWeights, type ParzenArgs } from './parzen';

/**
 * TPE's estimator for a choice param on its own (Hyperopt's ap_categorical_sampler): the
 * observations' counts per choice, weighted by recency as the numeric kernels are, plus `priorWeight`
 * pseudo-counts per choice (the uniform prior), normalised. No choice ever gets probability 0.
 */
export function categoricalProbs(observed: readonly number[], choices: number, args: ParzenArgs): number[] {
  const weights = forgettingWeights(observed.length, args.forgetting);
  const counts = new Array<number>(choices).fill(args.priorWeight);
  observed.forEach((index, i) => (counts[index] += weights[i]));
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => c / total);
}

/**
 * Per-kernel distributions for a choice param inside the joint estimator, in the observations' order
 * and the prior's (uniform) last. An observation's kernel is its own choice plus priorWeight / kernels
 * pseudo-counts on every choice: smoothed enough for l(x) to propose the other choices early on, less
 * so as the trials pile up (Optuna's multivariate TPE smooths the same way).
 */
export function choiceKernels(observed: readonly number[], choices: number, priorWeight: number): number[][] {
  const smoothing = priorWeight / (observed.length + 1);
  const rows = observed.map((index) => {
    const row = new Array<number>(choices).fill(smoothing);
    row[index] += 1;
    return row.map((c) => c / (1 + choices * smoothing));
  });
  rows.push(new Array<number>(choices).fill(1 / choices));
  return rows;
}
