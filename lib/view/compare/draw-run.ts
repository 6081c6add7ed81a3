import { minMaxIndices } from '../../kinds/scalar/downsample';
import type { ScalarPoint } from '../../kinds/scalar/points';
import type { TimedScalarColumn } from '../../compare/scalar-column';
import { DRAW_POINTS } from './resolution';

/** A run's held points as columns, the shape smoothing and the thinning work on. */
export interface RunColumn extends TimedScalarColumn {
  readonly steps: Float64Array;
  readonly wallTimes: Float64Array;
  readonly values: Float64Array;
}

export function toRunColumn(tag: string, points: readonly ScalarPoint[]): RunColumn {
  const n = points.length;
  const steps = new Float64Array(n);
  const wallTimes = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    steps[i] = p[0];
    wallTimes[i] = p[1];
    values[i] = p[2];
  }
  return { tag, steps, wallTimes, values };
}

/** Where a point sits on the chart's x axis: its step, or a time. */
export type XOf = (step: number, wallTime: number) => number;

/**
 * A point as the chart gets it: only x and y, so the chart copies as little as it can; null is a
 * gap. The tooltip finds the rest (raw value, step) through the column index beside each line.
 */
export type LineDatum = [x: number, y: number | null];

export interface DrawnRun {
  smoothed: LineDatum[];
  /** The column index of each smoothed point. */
  smoothedAt: number[];
  /** Empty when smoothing is off: the smoothed line is then the raw one. */
  raw: LineDatum[];
  /** NaN and ±Infinity among the drawn points, marked at the plot's edges. */
  nonFinite: ScalarPoint[];
  /** The column's whole x extent, zoomed or not. */
  xMin: number;
  xMax: number;
  /** Drawn finite values inside the zoom window, for the y range. */
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

/** Min/max indices of values[from, to) thinned to `budget`, shifted back to column indices. */
function pick(steps: Float64Array, values: ArrayLike<number>, from: number, to: number, budget: number): number[] {
  if (to <= from) return [];
  return minMaxIndices(to - from, (i) => steps[from + i], (i) => values[from + i], budget).map((i) => i + from);
}

/**
 * Thins the full-resolution line for the canvas: DRAW_POINTS over the zoom window (or the whole
 * line), a few outside it. `values` are the smoothed ones; the bucketing keeps their extremes.
 */
export function drawIndices(steps: Float64Array, values: ArrayLike<number>, window: readonly [number, number] | null): number[] {
  const n = steps.length;
  if (!window) return pick(steps, values, 0, n, DRAW_POINTS);
  const [lo, hi] = window;
  return [...pick(steps, values, 0, lo, OUTSIDE_POINTS), ...pick(steps, values, lo, hi, DRAW_POINTS), ...pick(steps, values, hi, n, OUTSIDE_POINTS)];
}

/** The index range [lo, hi) of a zoom window in x, with one point either side so lines reach its edges. */
export function zoomWindow(n: number, xAt: (i: number) => number, zoom: readonly [number, number] | null): [number, number] | null {
  if (!zoom || n === 0) return null;
  return [Math.max(0, firstAtOrAfter(n, xAt, zoom[0]) - 1), Math.min(n, firstAtOrAfter(n, xAt, zoom[1]) + 1)];
}

/**
 * One run's lines for a chart, from its held column and that column smoothed: both thinned by
 * min/max bucketing after smoothing, never smoothed after thinning. On a log axis values ≤ 0 are gaps.
 */
export function drawRun(column: RunColumn, smoothed: Float64Array, showRaw: boolean, x: XOf, zoom: readonly [number, number] | null, logScale: boolean): DrawnRun {
  const { steps, wallTimes, values } = column;
  const n = steps.length;
  const xAt = (i: number) => x(steps[i], wallTimes[i]);
  const window = zoomWindow(n, xAt, zoom);
  const inWindow = (i: number) => !window || (i >= window[0] && i < window[1]);
  const shown = (v: number) => Number.isFinite(v) && (!logScale || v > 0);
  const visible: number[] = [];

  const line = (at: readonly number[], of: ArrayLike<number>) =>
    at.map((i): LineDatum => {
      const v = of[i];
      if (!shown(v)) return [xAt(i), null];
      if (inWindow(i)) visible.push(v);
      return [xAt(i), v];
    });
  const smoothedAt = drawIndices(steps, smoothed, window);
  const rawAt = drawIndices(steps, values, window);
  const nonFinite = rawAt.filter((i) => !Number.isFinite(values[i])).map((i): ScalarPoint => [steps[i], wallTimes[i], values[i]]);
  return {
    smoothed: line(smoothedAt, smoothed),
    smoothedAt,
    raw: showRaw ? line(rawAt, values) : [],
    nonFinite,
    xMin: n > 0 ? xAt(0) : NaN,
    xMax: n > 0 ? xAt(n - 1) : NaN,
    visible,
  };
}
