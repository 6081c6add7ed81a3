import type { ScalarPoint } from '../../kinds/scalar/points';
import type { ChartTheme } from '../shared/chart-theme';
import type { LineSeriesOption } from '../shared/echarts-setup';

/** The hidden axis that non-finite markers sit on: 0 is the plot's bottom edge, 1 its top. */
export const EDGE_AXIS = 1;
const TOP = 0.96;
const BOTTOM = 0.04;

/**
 * `raw` rides along in the datum, as in a line datum, so the tooltip can show NaN/±Inf. `itemStyle`
 * outlines a marker in its own line's colour where one series holds the markers of many lines.
 */
export type MarkerDatum = { value: [x: number, wallTime: number, edge: number, raw: number]; symbol: string; symbolRotate: number; itemStyle?: { borderColor: string } };

/** The hidden 0-1 axis the markers (and event markers) use, so they never change the value axis' range. */
export const EDGE_Y_AXIS = { type: 'value', min: 0, max: 1, show: false } as const;

/**
 * NaN and ±Infinity have no place on a value axis, so each is a marker at the plot's edge: at the
 * top for +Inf and NaN, at the bottom for -Inf, pointing the way the value went. `x` places a point
 * on the chart's x axis (its step, unless the chart plots time).
 */
export function nonFiniteData(points: readonly ScalarPoint[], x: (point: ScalarPoint) => number = (point) => point[0], lineColor?: string): MarkerDatum[] {
  return points.map((point): MarkerDatum => {
    const value = point[2];
    return {
      value: [x(point), point[1], value === -Infinity ? BOTTOM : TOP, value],
      // NaN has no direction; an infinity points the way it went off the chart.
      symbol: Number.isNaN(value) ? 'diamond' : 'triangle',
      symbolRotate: value === -Infinity ? 180 : 0,
      ...(lineColor === undefined ? {} : { itemStyle: { borderColor: lineColor } }),
    };
  });
}

/** A series of edge markers (nonFiniteData), outlined in `lineColor` unless a datum says otherwise. */
export function nonFiniteSeries(id: string, name: string, data: MarkerDatum[], lineColor: string, theme: ChartTheme): LineSeriesOption {
  return {
    id,
    name,
    type: 'line',
    yAxisIndex: EDGE_AXIS,
    data,
    encode: { x: 0, y: 2 },
    color: theme.bad,
    symbolSize: 11,
    showSymbol: true,
    showAllSymbol: true,
    itemStyle: { borderColor: lineColor, borderWidth: 1.5 },
    lineStyle: { width: 0, opacity: 0 },
    emphasis: { disabled: true },
    z: 5,
  };
}

/** One line's markers; the same name as the line, so hiding the line hides its markers too. */
export function nonFiniteMarkers(
  id: string,
  name: string,
  points: readonly ScalarPoint[],
  lineColor: string,
  theme: ChartTheme,
  x?: (point: ScalarPoint) => number,
): LineSeriesOption {
  return nonFiniteSeries(id, name, nonFiniteData(points, x), lineColor, theme);
}
