/**
 * TensorBoard's "classic" smoothing: a debiased exponential moving average, matching
 * tensorboard/webapp/widgets/line_chart_v2/data_transformer.ts (classicSmoothing):
 *
 * - the average starts at 0 and each finite value v updates it to `last·w + (1−w)·v`; dividing by
 *   the debias factor `1 − wⁿ` (n = finite values seen so far) removes the pull towards that 0, so
 *   the first smoothed point equals the first value;
 * - a non-finite value (NaN, ±Infinity) is left out of the average and of n, and its smoothed value
 *   is the raw value itself: a divergence stays marked where it happened and never spreads into
 *   the points after it;
 * - a weight that is not a finite number counts as 0 (no smoothing), as in TensorBoard;
 * - a series whose finite values are all equal is returned as it is, so smoothing adds no
 *   floating-point noise to a constant line (TensorBoard issue #786).
 *
 * One deliberate difference: the weight is clamped to [0, 0.999] where TensorBoard allows 1, which
 * freezes the average at its initial 0 and draws a flat line at zero.
 */
export const EMA_MAX_WEIGHT = 0.999;

/** The weight TensorBoard's slider starts at. */
export const EMA_DEFAULT_WEIGHT = 0.6;

export function clampEmaWeight(weight: number): number {
  if (!Number.isFinite(weight)) return 0;
  return Math.min(EMA_MAX_WEIGHT, Math.max(0, weight));
}

function finiteValuesAreEqual(values: ArrayLike<number>): boolean {
  let first: number | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (first === undefined) first = v;
    else if (v !== first) return false;
  }
  return true;
}

/**
 * The smoothed value of every point, same length as `values`, written into `out` when given (a
 * slider redraws every series of the page: reusing its buffers spares the allocations).
 *
 * Exactly the arithmetic of the formula above, in two loops: once 1 − wⁿ rounds to 1, dividing by
 * it changes no bit, so the second loop leaves out the division (for a weight of 0.6 that is after
 * about 70 points; for 0.99 after about 3,700).
 */
export function emaSmoothing(values: ArrayLike<number>, weight: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
  const w = clampEmaWeight(weight);
  const n = values.length;
  if (w === 0 || finiteValuesAreEqual(values)) {
    out.set(values);
    return out;
  }
  const rest = 1 - w;
  let last = 0;
  // wⁿ kept as a running product: one multiply per point instead of a pow.
  let wn = 1;
  let i = 0;
  for (; i < n && 1 - wn !== 1; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * w + rest * v;
    wn *= w;
    out[i] = last / (1 - wn);
  }
  for (; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * w + rest * v;
    out[i] = last;
  }
  return out;
}
