import type { ScalarPoint } from '../../kinds/scalar/points';
import type { Series } from './series-store';

/** A ScalarPoint with null for a gap where the value is not finite, and the raw value after it for the tooltip. */
export type LineDatum = [step: number, wallTime: number, value: number | null, raw: number];

export interface SeriesStats {
  tag: string;
  count: number;
  lastStep: number | null;
  lastValue: number | null;
  nonFiniteCount: number;
  firstNonFinite: ScalarPoint | null;
}

export interface PreparedSeries {
  line: LineDatum[];
  /** Non-finite points, which have no place on a value axis and are drawn at its edges instead. */
  nonFinite: ScalarPoint[];
  stats: SeriesStats;
}

/** One pass over a series: chart data, gaps for non-finite values, and what the legend reports. */
export function prepareSeries(series: Series): PreparedSeries {
  const line: LineDatum[] = new Array(series.points.length);
  const nonFinite: ScalarPoint[] = [];
  for (let i = 0; i < series.points.length; i++) {
    const point = series.points[i];
    const [step, wallTime, value] = point;
    const finite = Number.isFinite(value);
    line[i] = [step, wallTime, finite ? value : null, value];
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
      lastValue: last ? last[2] : null,
      nonFiniteCount: nonFinite.length,
      firstNonFinite: nonFinite[0] ?? null,
    },
  };
}
