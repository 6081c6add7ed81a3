import { aggregateGroup, type GroupSeries } from '../../compare/group-series';
import type { ScalarColumn } from '../../compare/scalar-column';
import type { GroupBand } from '../../compare/url-state';
import { drawIndices, type LineDatum, zoomWindow } from './draw-run';

export interface DrawnGroup {
  mean: LineDatum[];
  /** The index into `series` of each drawn point. */
  meanAt: number[];
  band: [x: number, lo: number, hi: number][];
  series: GroupSeries;
  xMin: number;
  xMax: number;
  visible: number[];
}

/** The band's edges at one step: min and max, or one standard deviation either side of the mean. */
export function bandAt(g: GroupSeries, band: GroupBand, i: number): [lo: number, hi: number] {
  return band === 'std' ? [g.mean[i] - g.std[i], g.mean[i] + g.std[i]] : [g.min[i], g.max[i]];
}

/**
 * A group's line for a chart: the mean of its runs' smoothed columns at every step any of them
 * logged, with the min-max or ±std band, thinned by the mean's min/max buckets. Groups are drawn
 * against steps, the one axis their runs share.
 */
export function drawGroup(smoothedColumns: readonly ScalarColumn[], band: GroupBand, zoom: readonly [number, number] | null, logScale: boolean, budget?: number): DrawnGroup {
  const g = aggregateGroup(smoothedColumns);
  const n = g.steps.length;
  const window = zoomWindow(n, (i) => g.steps[i], zoom);
  const shown = (v: number) => Number.isFinite(v) && (!logScale || v > 0);
  const visible: number[] = [];
  const meanAt = drawIndices(g.steps, g.mean, window, budget);
  const mean: LineDatum[] = [];
  const edges: DrawnGroup['band'] = [];
  for (const i of meanAt) {
    const [lo, hi] = bandAt(g, band, i);
    mean.push([g.steps[i], shown(g.mean[i]) ? g.mean[i] : null]);
    edges.push([g.steps[i], logScale ? Math.max(lo, Number.MIN_VALUE) : lo, hi]);
    if (!window || (i >= window[0] && i < window[1])) for (const v of [lo, hi, g.mean[i]]) if (shown(v)) visible.push(v);
  }
  return { mean, meanAt, band: edges, series: g, xMin: n > 0 ? g.steps[0] : NaN, xMax: n > 0 ? g.steps[n - 1] : NaN, visible };
}
