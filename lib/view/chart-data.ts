import type { ChartPoint, Series } from './series-store';

/** `[step, value or null for a gap, wallTimeMs, raw value]`: the tooltip needs the raw value back. */
export type LineDatum = [step: number, value: number | null, wallTime: number, raw: number];

export interface SeriesStats {
  tag: string;
  count: number;
  lastStep: number | null;
  lastValue: number | null;
  nonFiniteCount: number;
  firstNonFinite: ChartPoint | null;
}

export interface PreparedSeries {
  line: LineDatum[];
  /** Non-finite points, which have no place on a value axis and are drawn at its edges instead. */
  nonFinite: ChartPoint[];
  stats: SeriesStats;
}

/** One pass over a series: chart data, gaps for non-finite values, and what the legend reports. */
export function prepareSeries(series: Series): PreparedSeries {
  const line: LineDatum[] = new Array(series.points.length);
  const nonFinite: ChartPoint[] = [];
  for (let i = 0; i < series.points.length; i++) {
    const point = series.points[i];
    const [step, value, wallTime] = point;
    const finite = Number.isFinite(value);
    line[i] = [step, finite ? value : null, wallTime, value];
    if (!finite) nonFinite.push(point);
  }
  const last = series.points[series.points.length - 1];
  return {
    line,
    nonFinite,
    stats: {
      tag: series.tag,
      count: series.points.length,
      lastStep: last ? last[0] : null,
      lastValue: last ? last[1] : null,
      nonFiniteCount: nonFinite.length,
      firstNonFinite: nonFinite[0] ?? null,
    },
  };
}
