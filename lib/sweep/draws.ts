import type { Rng } from './sampler';

/** A standard normal draw (Box–Muller); 1 − rng() keeps the log away from 0. */
export function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** An index drawn with the given probabilities (summing to 1; the last takes any rounding leftover). */
export function weightedIndex(probs: readonly number[], rng: Rng): number {
  let u = rng();
  for (let k = 0; k < probs.length - 1; k++) {
    u -= probs[k];
    if (u < 0) return k;
  }
  return probs.length - 1;
}
