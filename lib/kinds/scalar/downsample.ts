import type { ScalarPoint } from './points';

/**
 * Min/max bucketing: each of `buckets` equal step ranges keeps its lowest and highest point,
 * so spikes survive, plus any NaN (a diverging loss must stay visible) and always the latest point.
 * Points are `[step, wallTime, value]` sorted by step, the shape the server reads and the chart holds.
 */
export function downsampleMinMax(points: readonly ScalarPoint[], maxPoints: number): ScalarPoint[] {
  if (points.length <= maxPoints) return points.slice();
  const steps = points.map((p) => p[0]);
  const values = points.map((p) => p[2]);
  return minMaxIndices(steps, values, 0, points.length, maxPoints).map((i) => points[i]);
}

/**
 * The same bucketing over columns, for the points in [from, to), as the indices of the points to
 * keep, ascending: the compare view thins typed arrays of smoothed values without building a tuple
 * per point, and reads them by index rather than through a function per point (a smoothing change
 * thins every line of the page again).
 */
export function minMaxIndices(steps: ArrayLike<number>, values: ArrayLike<number>, from: number, to: number, maxPoints: number): number[] {
  const count = to - from;
  if (count <= maxPoints) return Array.from({ length: Math.max(0, count) }, (_, i) => from + i);
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const first = steps[from];
  const span = steps[to - 1] - first + 1;
  const out: number[] = [];
  let i = from;
  for (let b = 0; b < buckets && i < to; b++) {
    const end = first + Math.ceil(((b + 1) * span) / buckets);
    let lo = -1;
    let hi = -1;
    let nan = -1;
    for (; i < to && steps[i] < end; i++) {
      const v = values[i];
      if (Number.isNaN(v)) {
        if (nan < 0) nan = i;
      } else {
        if (lo < 0 || v < values[lo]) lo = i;
        if (hi < 0 || v > values[hi]) hi = i;
      }
    }
    pushInOrder(out, lo, hi, nan);
  }
  if (out[out.length - 1] !== to - 1) out.push(to - 1);
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
