import type { XAxis } from '../../compare/url-state';
import { baseOption, type TooltipFormatter } from '../scalar/chart-option';
import { valueAxisLabel } from '../shared/axis-label';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption, CustomSeriesOption, LineSeriesOption } from '../shared/echarts-setup';
import { formatDuration } from '../shared/format';
import { compareTooltip, type TooltipLookup } from './compare-tooltip';
import type { LineDatum } from './draw-run';

/** The run chart's frame (grid, tooltip box, zoom) with a tooltip that lists runs, not tags. */
export function compareBaseOption(theme: ChartTheme, axis: XAxis, tooltip: TooltipLookup): ChartOption {
  const base = baseOption(theme, compareTooltip(axis, tooltip) as TooltipFormatter);
  // The axes' ranges are set on every draw from what is visible, so zooming never drops points.
  const dataZoom = (base.dataZoom as object[]).map((zoom) => ({ ...zoom, filterMode: 'none' as const }));
  return { ...base, xAxis: { ...(base.xAxis as object), type: axis === 'wall' ? 'time' : 'value' } as ChartOption['xAxis'], dataZoom };
}

/** What each draw sets: the axes' ranges and the series that changed. */
export type DrawOption = {
  xAxis: ReturnType<typeof xAxisOption>;
  yAxis: [ReturnType<typeof yAxisOption>];
  series: NonNullable<ChartOption['series']>;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `over` merged into `under` as ECharts merges an option into the one it holds: objects key by key, anything else replaced. */
function mergeAxis(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...under };
  for (const [key, value] of Object.entries(over)) merged[key] = isPlainObject(value) && isPlainObject(under[key]) ? mergeAxis(under[key], value) : value;
  return merged;
}

/**
 * The chart's frame with its first draw's axes and series, as one option to set with notMerge:
 * one ECharts update for the chart's first lines, not one for the frame and another for the lines.
 */
export function framedOption(frame: ChartOption, draw: DrawOption): ChartOption {
  const [valueAxis, ...others] = frame.yAxis as Record<string, unknown>[];
  return {
    ...frame,
    xAxis: mergeAxis(frame.xAxis as Record<string, unknown>, draw.xAxis) as ChartOption['xAxis'],
    yAxis: [mergeAxis(valueAxis, draw.yAxis[0]), ...others] as ChartOption['yAxis'],
    series: draw.series,
  };
}

export function xAxisOption(theme: ChartTheme, axis: XAxis, min: number, max: number) {
  const label = valueAxisLabel(theme);
  if (axis === 'wall') return { type: 'time' as const, min, max, axisLabel: { color: theme.muted, hideOverlap: true } };
  const formatter = axis === 'relative' ? (v: number) => formatDuration(v * 1000) : label.formatter;
  return { type: 'value' as const, min, max, axisLabel: { ...label, formatter } };
}

/**
 * The whole value axis, not a change to it: switching between a linear and a log axis replaces
 * the axis in ECharts' merge, and a partial option would lose its labels' format and grid lines.
 */
export function yAxisOption(theme: ChartTheme, logScale: boolean, range: { min: number; max: number } | null) {
  // The range's own ends are not round numbers: only the ticks between them are labelled, except
  // on a log axis, whose ticks are powers of ten and may all fall outside a narrow range.
  const ends = range === null || logScale;
  return {
    type: logScale ? ('log' as const) : ('value' as const),
    scale: true,
    min: range?.min ?? 'dataMin',
    max: range?.max ?? 'dataMax',
    axisLabel: { ...valueAxisLabel(theme), showMinLabel: ends, showMaxLabel: ends },
    splitLine: { lineStyle: { color: theme.grid, opacity: 0.6 } },
  };
}

export interface LineOwner {
  id: string;
  name: string;
  color: string;
}

/**
 * A group's mean line: no hover effect and no symbols (the tooltip lists the values), broken at null
 * values (NaN, ±Inf, or ≤ 0 on a log axis). Runs' lines are drawn by runLinesSeries instead.
 */
function line(id: string, series: LineOwner, data: LineDatum[], style: Partial<LineSeriesOption>): LineSeriesOption {
  // showSymbol false, not just no symbol: ECharts would still diff every point against the last draw for symbols.
  return { id, name: series.name, type: 'line', data, color: series.color, showSymbol: false, connectNulls: false, emphasis: { disabled: true }, ...style };
}

/** Band datum: x, low and high edge. */
type BandDatum = [x: number, lo: number, hi: number];

/**
 * A group's mean line over its band. The band is drawn a segment at a time (a quadrilateral between
 * two neighbouring points), so a gap where no run has a value leaves a gap in the band too.
 */
export function groupSeries(group: LineOwner, mean: LineDatum[], band: BandDatum[]): (LineSeriesOption | CustomSeriesOption)[] {
  const area: CustomSeriesOption = {
    id: `band:${group.id}`,
    name: group.name,
    type: 'custom',
    data: band,
    encode: { x: 0, y: [1, 2] },
    silent: true,
    clip: true,
    z: 1,
    renderItem: (params, api) => {
      const i = params.dataIndex;
      if (i + 1 >= band.length) return null;
      const [x0, lo0, hi0] = band[i];
      const [x1, lo1, hi1] = band[i + 1];
      if (![lo0, hi0, lo1, hi1].every(Number.isFinite)) return null;
      const points = [api.coord([x0, lo0]), api.coord([x0, hi0]), api.coord([x1, hi1]), api.coord([x1, lo1])];
      return { type: 'polygon', shape: { points }, style: { fill: group.color, opacity: 0.16 } };
    },
  };
  return [area, line(`group:${group.id}`, group, mean, { lineStyle: { width: 2 }, ...(mean.length < 40 ? { showSymbol: true } : {}), z: 3 })];
}
