import { aggregateGroup } from '../../compare/group-series';
import type { ScalarColumn } from '../../compare/scalar-column';
import type { GroupBand } from '../../compare/url-state';
import type { GroupDatum } from './compare-tooltip';
import { drawIndices, zoomWindow } from './draw-run';

export interface DrawnGroup {
  mean: GroupDatum[];
  band: [x: number, lo: number, hi: number][];
  xMin: number;
  xMax: number;
  visible: number[];
}

/**
 * A group's line for a chart: the mean of its runs' smoothed columns at every step any of them
 * logged, with the min-max or ±std band, thinned by the mean's min/max buckets. Groups are drawn
 * against steps, the one axis their runs share.
 */
export function drawGroup(smoothedColumns: readonly ScalarColumn[], band: GroupBand, zoom: readonly [number, number] | null, logScale: boolean): DrawnGroup {
  const g = aggregateGroup(smoothedColumns);
  const n = g.steps.length;
  const window = zoomWindow(n, (i) => g.steps[i], zoom);
  const shown = (v: number) => Number.isFinite(v) && (!logScale || v > 0);
  const visible: number[] = [];
  const mean: GroupDatum[] = [];
  const edges: DrawnGroup['band'] = [];
  for (const i of drawIndices(g.steps, g.mean, window)) {
    const lo = band === 'std' ? g.mean[i] - g.std[i] : g.min[i];
    const hi = band === 'std' ? g.mean[i] + g.std[i] : g.max[i];
    const step = g.steps[i];
    mean.push([step, shown(g.mean[i]) ? g.mean[i] : null, lo, hi, g.count[i], step]);
    edges.push([step, logScale ? Math.max(lo, Number.MIN_VALUE) : lo, hi]);
    if (!window || (i >= window[0] && i < window[1])) for (const v of [lo, hi, g.mean[i]]) if (shown(v)) visible.push(v);
  }
  return { mean, band: edges, xMin: n > 0 ? g.steps[0] : NaN, xMax: n > 0 ? g.steps[n - 1] : NaN, visible };
}
