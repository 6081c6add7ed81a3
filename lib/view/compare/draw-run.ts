import { type MinMaxBuckets, minMaxBuckets, pickMinMax } from '../../kinds/scalar/downsample';
import type { ScalarPoint } from '../../kinds/scalar/points';
import type { TimedScalarColumn } from '../../compare/scalar-column';
import { DRAW_POINTS } from './resolution';
import { pointColumns } from '../scalar/series-store';

/** A run's held points as columns, the shape smoothing and the thinning work on. */
export interface RunColumn extends TimedScalarColumn {
  readonly steps: Float64Array;
  readonly wallTimes: Float64Array;
  readonly values: Float64Array;
}

export function toRunColumn(tag: string, points: readonly ScalarPoint[]): RunColumn {
  return { tag, ...pointColumns(points) };
}

/** Where a point sits on the chart's x axis: its step, or a time. */
export type XOf = (step: number, wallTime: number) => number;

/**
 * A point as the chart gets it: only x and y, so the chart copies as little as it can; null is a
 * gap. The tooltip finds the rest (raw value, step) through the column index beside each line.
 */
export type LineDatum = [x: number, y: number | null];

/** A line thinned for the canvas, the column index of each of its points, and its values inside the zoom window. */
export interface DrawnLine {
  line: LineDatum[];
  at: number[];
  visible: number[];
}

/** Points kept outside a zoom window: enough to show the rest of the line in the slider's overview. */
const OUTSIDE_POINTS = 64;

function firstAtOrAfter(n: number, xAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xAt(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where the full-resolution line is bucketed for the canvas: `budget` points over the zoom window
 * (or the whole line), a few outside it. Found from the steps alone, so one set of buckets serves
 * every smoothing of the same line.
 */
export function lineBuckets(steps: Float64Array, window: readonly [number, number] | null, budget = DRAW_POINTS): MinMaxBuckets[] {
  const n = steps.length;
  if (!window) return [minMaxBuckets(steps, 0, n, budget)];
  const [lo, hi] = window;
  return [minMaxBuckets(steps, 0, lo, OUTSIDE_POINTS), minMaxBuckets(steps, lo, hi, budget), minMaxBuckets(steps, hi, n, OUTSIDE_POINTS)];
}

/** The column indices of the points `buckets` keep of `values`: the bucketing keeps their extremes. */
function bucketIndices(values: ArrayLike<number>, buckets: readonly MinMaxBuckets[]): number[] {
  return buckets.length === 1 ? pickMinMax(values, buckets[0]) : buckets.flatMap((b) => pickMinMax(values, b));
}

/** Thins the full-resolution line for the canvas (see lineBuckets); `values` are the smoothed ones. */
export function drawIndices(steps: Float64Array, values: ArrayLike<number>, window: readonly [number, number] | null, budget = DRAW_POINTS): number[] {
  return bucketIndices(values, lineBuckets(steps, window, budget));
}

/**
 * The drawn point nearest to `x`, for the tooltip; -1 outside the line's x range (a run that stopped
 * earlier has no value further on) or for an empty line.
 */
export function nearestPoint(line: readonly LineDatum[], x: number): number {
  const n = line.length;
  if (n === 0 || !(x >= line[0][0] && x <= line[n - 1][0])) return -1;
  const i = firstAtOrAfter(n, (k) => line[k][0], x);
  return i > 0 && (i === n || x - line[i - 1][0] <= line[i][0] - x) ? i - 1 : i;
}

/** The index range [lo, hi) of a zoom window in x, with one point either side so lines reach its edges. */
export function zoomWindow(n: number, xAt: (i: number) => number, zoom: readonly [number, number] | null): [number, number] | null {
  if (!zoom || n === 0) return null;
  return [Math.max(0, firstAtOrAfter(n, xAt, zoom[0]) - 1), Math.min(n, firstAtOrAfter(n, xAt, zoom[1]) + 1)];
}

/** How a run's line is thinned for one view: its zoom window in column indices, and its buckets. */
export interface LinePlan {
  window: [number, number] | null;
  buckets: MinMaxBuckets[];
}

export function linePlan(column: RunColumn, x: XOf, zoom: readonly [number, number] | null, budget = DRAW_POINTS): LinePlan {
  const { steps, wallTimes } = column;
  const window = zoomWindow(steps.length, (i) => x(steps[i], wallTimes[i]), zoom);
  return { window, buckets: lineBuckets(steps, window, budget) };
}

/**
 * One line of a run for a chart: `values` (the column's own, or smoothed from them at full
 * resolution) thinned by min/max bucketing, never smoothed after thinning. On a log axis values ≤ 0
 * are gaps. A plan kept from an earlier draw of the same view (linePlan) spares finding the buckets.
 * `into`, a line drawn before and no longer shown, is written over, its points' pairs included: a
 * smoothing change redraws every line of the page, and new pairs for each were the collector's work.
 */
export function drawLine(column: RunColumn, values: ArrayLike<number>, x: XOf, zoom: readonly [number, number] | null, logScale: boolean, budget = DRAW_POINTS, plan = linePlan(column, x, zoom, budget), into?: DrawnLine): DrawnLine {
  const { steps, wallTimes } = column;
  const { window } = plan;
  const at = bucketIndices(values, plan.buckets);
  const line = into?.line ?? [];
  const visible = into?.visible ?? [];
  const reused = Math.min(line.length, at.length);
  line.length = at.length;
  visible.length = 0;
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    const v = values[i];
    const shown = Number.isFinite(v) && !(logScale && v <= 0);
    const px = x(steps[i], wallTimes[i]);
    const y = shown ? v : null;
    if (k < reused) {
      const point = line[k];
      point[0] = px;
      point[1] = y;
    } else line[k] = [px, y];
    if (shown && (!window || (i >= window[0] && i < window[1]))) visible.push(v);
  }
  return { line, at, visible };
}

/** NaN and ±Infinity among a drawn line's points, to be marked at the plot's edges. */
export function nonFiniteAt(column: RunColumn, at: readonly number[]): ScalarPoint[] {
  const { steps, wallTimes, values } = column;
  return at.filter((i) => !Number.isFinite(values[i])).map((i): ScalarPoint => [steps[i], wallTimes[i], values[i]]);
}

/** The column's whole x extent, zoomed or not. */
export function xExtent(column: RunColumn, x: XOf): [number, number] {
  const n = column.steps.length;
  return n > 0 ? [x(column.steps[0], column.wallTimes[0]), x(column.steps[n - 1], column.wallTimes[n - 1])] : [NaN, NaN];
}
