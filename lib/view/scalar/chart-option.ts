import type { LineDatum, PreparedSeries } from './chart-data';
import { formatClock, formatValue } from '../shared/format';
import { valueAxisLabel } from '../shared/axis-label';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption, LineSeriesOption } from '../shared/echarts-setup';
import { seriesStyle } from './series-style';
import { tooltipBox } from '../shared/tooltip-box';
import { escapeHtml } from '../shared/escape-html';
import { type EventDatum, eventSeries, eventTooltipRows, isEventSeries } from '../event/event-markers-option';
import type { TrainingEvent } from '../../kinds/event/meta';
import { EDGE_AXIS, EDGE_Y_AXIS, type MarkerDatum, nonFiniteMarkers } from './non-finite-markers';

interface TooltipParam {
  seriesId?: string;
  seriesName?: string;
  marker?: unknown;
  axisValue?: number | string;
  data: LineDatum | MarkerDatum | EventDatum;
}

function tooltip(params: TooltipParam | TooltipParam[]): string {
  const list = Array.isArray(params) ? params : [params];
  const axisStep = list[0]?.axisValue;
  const rows = list.flatMap((p) => {
    if ('events' in p.data) return eventTooltipRows(p.data, axisStep);
    if (isEventSeries(p.seriesId)) return [];
    const [step, wallTime, , raw] = Array.isArray(p.data) ? p.data : p.data.value;
    // At a non-finite step the line has a gap; its marker series speaks for it.
    if (Array.isArray(p.data) && !Number.isFinite(raw)) return [];
    const bad = !Number.isFinite(raw);
    const at = step === Number(axisStep) ? '' : ` <span class="tt-muted">@ ${step}</span>`;
    return [
      `<div class="tt-row">${typeof p.marker === 'string' ? p.marker : ''}<span class="tt-name">${escapeHtml(p.seriesName ?? '')}</span>` +
        `<b class="${bad ? 'tt-bad' : ''}">${formatValue(raw)}</b>${at}<span class="tt-muted">${formatClock(wallTime)}</span></div>`,
    ];
  });
  return `<div class="tt-head">step ${escapeHtml(String(axisStep ?? ''))}</div>${rows.join('')}`;
}

/** ECharts hands a formatter its own params; each chart's formatter types the params it draws. */
export type TooltipFormatter = (params: never) => string;

/**
 * Everything but the series: set once, and again when the colour scheme changes. The compare view
 * brings its own tooltip, which lists runs rather than tags.
 */
export function baseOption(theme: ChartTheme, formatter: TooltipFormatter = tooltip): ChartOption {
  const axisLabel = valueAxisLabel(theme);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 12, bottom: 44, containLabel: true },
    legend: { show: false },
    tooltip: {
      ...tooltipBox(theme),
      trigger: 'axis',
      axisPointer: { type: 'line', lineStyle: { color: theme.muted, type: 'dashed' } },
      formatter: formatter as never,
    },
    xAxis: {
      type: 'value',
      min: 'dataMin',
      max: 'dataMax',
      axisLabel,
      axisLine: { lineStyle: { color: theme.grid } },
      splitLine: { show: false },
    },
    yAxis: [
      { type: 'value', scale: true, axisLabel, splitLine: { lineStyle: { color: theme.grid, opacity: 0.6 } } },
      EDGE_Y_AXIS,
    ],
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'filter' },
      {
        type: 'slider',
        xAxisIndex: 0,
        height: 16,
        bottom: 8,
        borderColor: theme.grid,
        textStyle: { color: theme.muted },
        handleStyle: { color: theme.surface, borderColor: theme.muted },
        moveHandleSize: 4,
      },
    ],
  };
}

/** Series for one chart: a line per tag, plus edge markers for the tags that have non-finite values. */
export function seriesOption(family: string, prepared: readonly PreparedSeries[], theme: ChartTheme): LineSeriesOption[] {
  const tags = prepared.map((p) => p.stats.tag);
  return prepared.flatMap(({ line, nonFinite, stats }) => {
    const { level, color } = seriesStyle(stats.tag, family, tags, theme);
    const main: LineSeriesOption = {
      id: stats.tag,
      name: stats.tag,
      type: 'line',
      data: line,
      encode: { x: 0, y: 2 },
      color,
      connectNulls: false,
      emphasis: { disabled: true },
      ...(level === 'batch'
        ? { lineStyle: { width: 1, opacity: 0.45 }, showSymbol: false, sampling: 'minmax', z: 1 }
        : level === 'epoch'
          ? { lineStyle: { width: 2 }, symbol: 'circle', symbolSize: 6, showSymbol: true, z: 3 }
          : { lineStyle: { width: 1.5 }, symbol: 'rect', showSymbol: line.length < 60, symbolSize: 7, z: 2 }),
    };
    if (nonFinite.length === 0) return [main];
    return [main, nonFiniteMarkers(`${stats.tag}#non-finite`, stats.tag, nonFinite, color, theme)];
  });
}

/** A chart's series: its metric lines, then a marker for each of the run's training events. */
export function chartSeries(family: string, prepared: readonly PreparedSeries[], events: readonly TrainingEvent[], theme: ChartTheme): LineSeriesOption[] {
  return [...seriesOption(family, prepared, theme), ...eventSeries(events, theme, EDGE_AXIS)];
}
