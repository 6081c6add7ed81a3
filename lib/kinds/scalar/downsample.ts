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
  return pickMinMax(values, minMaxBuckets(steps, from, to, maxPoints));
}

/**
 * Where minMaxIndices' buckets of [from, to) end, found from the steps alone: the compare view
 * keeps them while only the values change (a smoothing change), and each redraw then reads the
 * values and nothing else. `ends` is null where the range fits in `maxPoints` as it is.
 */
export interface MinMaxBuckets {
  from: number;
  to: number;
  ends: Int32Array | null;
}

export function minMaxBuckets(steps: ArrayLike<number>, from: number, to: number, maxPoints: number): MinMaxBuckets {
  if (to - from <= maxPoints) return { from, to, ends: null };
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const first = steps[from];
  const span = steps[to - 1] - first + 1;
  const ends = new Int32Array(buckets);
  let i = from;
  for (let b = 0; b < buckets; b++) {
    const end = first + Math.ceil(((b + 1) * span) / buckets);
    while (i < to && steps[i] < end) i++;
    ends[b] = i;
  }
  return { from, to, ends };
}

/** The indices minMaxIndices keeps of `values`, in buckets found before. */
export function pickMinMax(values: ArrayLike<number>, { from, to, ends }: MinMaxBuckets): number[] {
  if (!ends) return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  const out: number[] = [];
  let i = from;
  for (let b = 0; b < ends.length && i < to; b++) {
    const end = ends[b];
    let lo = -1;
    let hi = -1;
    let nan = -1;
    // The extremes held in locals, not read back from the array for each point; a bucket of
    // +Infinity alone finds no low and a bucket of −Infinity no high, and both keep the one index.
    let low = Infinity;
    let high = -Infinity;
    for (; i < end; i++) {
      const v = values[i];
      if (v < low) (low = v), (lo = i);
      if (v > high) (high = v), (hi = i);
      else if (v !== v && nan < 0) nan = i;
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
