import type { ScalarPoint } from './points';

/**
 * Min/max bucketing: each of `buckets` equal step ranges keeps its lowest and highest point,
 * so spikes survive, plus any NaN (a diverging loss must stay visible) and always the latest point.
 * Points are `[step, wallTime, value]` sorted by step, the shape the server reads and the chart holds.
 */
export function downsampleMinMax(points: readonly ScalarPoint[], maxPoints: number): ScalarPoint[] {
  if (points.length <= maxPoints) return points.slice();
  return minMaxIndices(points.length, (i) => points[i][0], (i) => points[i][2], maxPoints).map((i) => points[i]);
}

/**
 * The same bucketing over any layout, as the indices of the points to keep, ascending: the compare
 * view thins columns (typed arrays of smoothed values) without building a tuple per point.
 */
export function minMaxIndices(count: number, stepAt: (i: number) => number, valueAt: (i: number) => number, maxPoints: number): number[] {
  if (count <= maxPoints) return Array.from({ length: count }, (_, i) => i);
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const first = stepAt(0);
  const span = stepAt(count - 1) - first + 1;
  const out: number[] = [];
  let i = 0;
  for (let b = 0; b < buckets && i < count; b++) {
    const end = first + Math.ceil(((b + 1) * span) / buckets);
    let lo = -1;
    let hi = -1;
    let nan = -1;
    for (; i < count && stepAt(i) < end; i++) {
      const v = valueAt(i);
      if (Number.isNaN(v)) {
        if (nan < 0) nan = i;
      } else {
        if (lo < 0 || v < valueAt(lo)) lo = i;
        if (hi < 0 || v > valueAt(hi)) hi = i;
      }
    }
    pushInOrder(out, lo, hi, nan);
  }
  if (out[out.length - 1] !== count - 1) out.push(count - 1);
  return out;
}

/**
 * Adds the distinct picked indices (-1: none) in order; indices follow steps, which keeps the result
 * sorted by step. Three compare-and-swaps, not an array and a sort: this runs once per bucket, and
 * a smoothing change thins a hundred lines of each chart again.
 */
function pushInOrder(out: number[], a: number, b: number, c: number): void {
  let t: number;
  if (a > b) (t = a), (a = b), (b = t);
  if (b > c) (t = b), (b = c), (c = t);
  if (a > b) (t = a), (a = b), (b = t);
  pushDistinct(out, a);
  pushDistinct(out, b);
  pushDistinct(out, c);
}

function pushDistinct(out: number[], i: number): void {
  if (i >= 0 && (out.length === 0 || out[out.length - 1] !== i)) out.push(i);
}
