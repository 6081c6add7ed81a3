import type { ScalarColumn } from '../scalar-column';

/** Beyond three standard deviations a weight is below 1.2% of the centre's: cut there. */
const CUTOFF_SIGMAS = 3;

/**
 * A Gaussian kernel smoother (Nadaraya–Watson): each point becomes the weighted mean of the points
 * around it, weights exp(−d² / 2σ²) for a distance of d steps, with σ in steps for the same reason
 * the running average measures its window in steps. Unlike the EMA it looks both ways, so it does
 * not lag.
 *
 * - The kernel is cut at 3σ and renormalised over the points it holds, so at the edges, where half
 *   the kernel is missing, the mean is over the side that exists (no padding, no mirroring).
 * - Non-finite values get no weight, and a non-finite point keeps its raw value: spikes stay marked
 *   and do not spread.
 * - σ of 0 (or not a positive number) is the identity.
 *
 * `out`, when given, is written instead of a new array.
 *
 * Cost is O(n·k) for k points within 3σ of a point: a UI bounds σ to keep k in the tens or hundreds.
 */
export function gaussianSmoothing({ steps, values }: ScalarColumn, sigma: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
  out.set(values);
  if (!(sigma > 0) || !Number.isFinite(sigma)) return out;
  const reach = CUTOFF_SIGMAS * sigma;
  const scale = -1 / (2 * sigma * sigma);
  // Steps are integers, so distances are too: one exp per distance instead of one per pair.
  const span = out.length > 0 ? steps[out.length - 1] - steps[0] : 0;
  const byDistance = new Float64Array(Math.floor(Math.min(reach, span)) + 1).map((_, d) => Math.exp(d * d * scale));
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < out.length; i++) {
    const s = steps[i];
    while (hi + 1 < out.length && steps[hi + 1] <= s + reach) hi++;
    while (steps[lo] < s - reach) lo++;
    if (!Number.isFinite(values[i])) continue;
    let weighted = 0;
    let total = 0;
    for (let j = lo; j <= hi; j++) {
      const v = values[j];
      if (!Number.isFinite(v)) continue;
      const d = Math.abs(steps[j] - s);
      const w = Number.isInteger(d) ? byDistance[d] : Math.exp(d * d * scale);
      weighted += w * v;
      total += w;
    }
    out[i] = weighted / total;
  }
  return out;
}
