import { EARLY_STOPPING_EVENT, REDUCE_LR_EVENT, type TrainingEvent } from '../../kinds/event/meta';
import { escapeHtml } from '../shared/escape-html';
import { eventStyle } from './event-style';
import { formatClock } from '../shared/format';
import type { ChartTheme } from '../shared/chart-theme';
import type { LineSeriesOption } from '../shared/echarts-setup';

export const EVENT_MARKERS_ID = '#events';
const EVENT_LINES_ID = '#event-lines';

/** Where on the hidden 0-1 axis the markers sit: near the top, below the +Inf markers' edge. */
const LANE = 0.88;

/** One marker per step; it carries every event of that step, so the tooltip can list them all. */
export interface EventDatum {
  value: [step: number, lane: number];
  symbol: string;
  symbolRotate: number;
  itemStyle: { color: string };
  events: TrainingEvent[];
}

function colorOf(kind: string, theme: ChartTheme): string {
  const { color } = eventStyle(kind);
  return color === 'bad' ? theme.bad : theme.palette[color % theme.palette.length];
}

export function isEventSeries(seriesId: string | undefined): boolean {
  return seriesId === EVENT_MARKERS_ID || seriesId === EVENT_LINES_ID;
}

/**
 * Tooltip rows for the events at the hovered step. Kind and reason come from the trainer
 * (user callbacks choose them), so both are escaped: ECharts puts this string in as HTML.
 */
export function eventTooltipRows(datum: EventDatum, axisStep: unknown): string[] {
  if (datum.value[0] !== Number(axisStep)) return [];
  return datum.events.map(
    (e) =>
      `<div class="tt-row event-tt-row"><span class="event-tt-kind">${escapeHtml(eventStyle(e.kind).label)}</span>` +
      `<span class="event-tt-reason">${escapeHtml(e.reason)}</span><span class="tt-muted">${formatClock(e.wallTime)}</span></div>`,
  );
}

/**
 * Every event as a dashed vertical line across the plot and a marker shaped and coloured by its
 * kind, on the hidden 0-1 axis so they never change the value axis' range.
 */
export function eventSeries(events: readonly TrainingEvent[], theme: ChartTheme, edgeAxis: number): LineSeriesOption[] {
  const bySteps = new Map<number, TrainingEvent[]>();
  for (const e of events) {
    const atStep = bySteps.get(e.step);
    if (atStep) atStep.push(e);
    else bySteps.set(e.step, [e]);
  }
  const steps = [...bySteps.keys()].sort((a, b) => a - b);
  const markers: EventDatum[] = steps.map((step) => {
    const atStep = bySteps.get(step)!;
    // Where kinds differ at one step, the rarest action speaks for the marker: stopping, then the rate, then the rest.
    const lead = atStep.find((e) => e.kind === EARLY_STOPPING_EVENT) ?? atStep.find((e) => e.kind === REDUCE_LR_EVENT) ?? atStep[0];
    const style = eventStyle(lead.kind);
    return { value: [step, LANE], symbol: style.symbol, symbolRotate: style.symbolRotate, itemStyle: { color: colorOf(lead.kind, theme) }, events: atStep };
  });
  const common = { type: 'line' as const, yAxisIndex: edgeAxis, encode: { x: 0, y: 1 }, emphasis: { disabled: true }, connectNulls: false };
  return [
    {
      ...common,
      id: EVENT_LINES_ID,
      name: 'events',
      data: steps.flatMap((step) => [[step, 0], [step, 1], [step, '-']]),
      showSymbol: false,
      lineStyle: { color: theme.muted, width: 1, type: 'dashed', opacity: 0.7 },
      silent: true,
      z: 4,
    },
    {
      ...common,
      id: EVENT_MARKERS_ID,
      name: 'events',
      data: markers,
      symbolSize: 12,
      showSymbol: true,
      showAllSymbol: true,
      lineStyle: { width: 0, opacity: 0 },
      itemStyle: { borderColor: theme.surface, borderWidth: 1 },
      z: 6,
    },
  ];
}
