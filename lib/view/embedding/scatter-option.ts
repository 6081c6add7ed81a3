import { color } from 'echarts/core';
import type { ColorScale } from './color-scale';
import type { WordTable } from '../../kinds/embedding/reader';
import { wordTooltipHtml } from './word-tooltip';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption, LineSeriesOption, ScatterSeriesOption } from '../shared/echarts-setup';
import { tooltipBox } from '../shared/tooltip-box';

type Points = { x: readonly number[]; y: readonly number[] };

export interface ScatterArgs {
  points: Points;
  labels: WordTable;
  scale: ColorScale;
  selected: number | null;
  neighbors: readonly number[];
  theme: ChartTheme;
}

/**
 * The series drawn over the words, in this order. The selected word is the selection's last point:
 * drawn on top of a neighbour that lands on the same pixel, it is the one a tooltip there names.
 */
export const SELECTION_SERIES = 0;
const OVERLAY_IDS = ['selection', 'labels', 'lasso', 'trails'] as const;

/**
 * Up to this many words each point is an element of its own, which ECharts moves to its new place
 * when the epoch changes. Past it, the words are drawn in large mode: one canvas pass per colour,
 * which keeps 80,000 points panning smoothly but cannot animate or colour per point.
 */
export const LARGE_FROM = 10_000;
/** Colours a large layout is cut into: finer than the eye tells apart on 3-pixel points. */
const COLOR_BINS = 24;

/** ECharts turns animation off above a threshold (2,000 by default); the epoch slider needs it on for every word. */
const ANIMATION_THRESHOLD = 250_000;

/** Which word each data index of each series stands for, so clicks and tooltips find the row. */
export type RowsBySeries = Record<string, ArrayLike<number>>;

function binOf(value: number, scale: ColorScale): number {
  const t = (value - scale.min) / (scale.max - scale.min || 1);
  return Math.max(0, Math.min(COLOR_BINS - 1, Math.floor(t * COLOR_BINS)));
}

/** The words in large mode: one series per colour bin, its points as a flat typed array. */
function largeSeries(points: Points, scale: ColorScale, dimmed: boolean): { series: ScatterSeriesOption[]; rows: RowsBySeries } {
  const members: number[][] = Array.from({ length: COLOR_BINS }, () => []);
  for (let r = 0; r < points.x.length; r++) members[binOf(scale.values[r] ?? 0, scale)].push(r);
  const rows: RowsBySeries = {};
  // An empty series in large mode has no point buffer, which ECharts' painter does not expect.
  const series = members.flatMap((bin, b): ScatterSeriesOption[] => {
    if (bin.length === 0) return [];
    const id = `words-${b}`;
    rows[id] = bin;
    const data = new Float64Array(bin.length * 2);
    bin.forEach((r, i) => {
      data[2 * i] = points.x[r];
      data[2 * i + 1] = points.y[r];
    });
    return [{
      id,
      type: 'scatter',
      large: true,
      largeThreshold: 0,
      data: data as never,
      symbolSize: 3,
      itemStyle: { color: color.lerp((b + 0.5) / COLOR_BINS, scale.colors) as string, opacity: dimmed ? 0.3 : 0.8 },
      z: 1,
    }];
  });
  return { series, rows };
}

/** Every word as an element: [x, y, colour value]. */
function smallSeries(points: Points, scale: ColorScale, dimmed: boolean): { series: ScatterSeriesOption[]; rows: RowsBySeries } {
  const data = Array.from({ length: points.x.length }, (_, r) => [points.x[r], points.y[r], scale.values[r] ?? 0]);
  const series: ScatterSeriesOption = { id: 'words', type: 'scatter', data, symbolSize: 5, itemStyle: { opacity: dimmed ? 0.3 : 0.85 }, emphasis: { scale: 2 }, z: 1 };
  return { series: [series], rows: { words: { length: points.x.length } as ArrayLike<number> } };
}

/**
 * The trails overlay: each word's places over the last snapshots, oldest first, as one line
 * broken between words (NaN is a gap to ECharts).
 */
export function trailsData(layouts: readonly Points[], rows: readonly number[]): number[][] {
  return rows.flatMap((r) => [...layouts.filter((l) => r < l.x.length).map((l) => [l.x[r], l.y[r]]), [NaN, NaN]]);
}

/** The rows an overlay series draws, as [x, y, colour value] data in their order. */
export function overlayData(points: Points, scale: ColorScale, rows: readonly number[]): number[][] {
  return rows.filter((r) => r < points.x.length).map((r) => [points.x[r], points.y[r], scale.values[r] ?? 0]);
}

/**
 * Every word as a point, and the overlays (selection, labels, lasso, trails) empty: they are set
 * apart, by id, as the view changes. Series keep their ids across snapshots, so ECharts moves each
 * point to its new place instead of redrawing the cloud.
 */
export function scatterOption({ points, labels, scale, selected, neighbors, theme }: ScatterArgs): { option: ChartOption; rows: RowsBySeries } {
  const large = points.x.length > LARGE_FROM;
  const words = (large ? largeSeries : smallSeries)(points, scale, selected !== null);
  const picked = selected === null ? [] : [...neighbors, selected].filter((row) => row < points.x.length);
  const rows: RowsBySeries = { ...words.rows, selection: picked };
  const axis = { type: 'value' as const, scale: true, show: false };
  const wordLabel = (row: number | undefined) => (row === undefined ? '' : (labels.words[row] ?? ''));
  // Canvas text, not HTML: a word drawn here cannot inject markup.
  const textLabel = (extra: object) => ({ show: true, color: theme.text, fontSize: 11, ...extra });
  const overlays: ScatterSeriesOption[] = [
    {
      id: 'selection',
      type: 'scatter',
      data: overlayData(points, scale, picked),
      z: 10,
      // Neither these points nor their labels catch the pointer: a neighbour's label over the
      // selected word's pixel would take the tooltip ECharts re-shows there after each update. The
      // words beneath answer hovers, and a tooltip asked for by index still comes from here.
      silent: true,
      animation: false,
      symbolSize: (_: unknown, p: { dataIndex: number }) => (p.dataIndex === picked.length - 1 ? 13 : 9),
      itemStyle: { color: theme.surface, borderColor: theme.text, borderWidth: 2 },
      label: textLabel({ position: 'right', fontSize: 12, formatter: (p: { dataIndex: number }) => wordLabel(picked[p.dataIndex]) }),
      labelLayout: { hideOverlap: true },
    },
    { id: 'labels', type: 'scatter', data: [], z: 6, symbolSize: 5, labelLayout: { hideOverlap: true } },
    // Large past a few thousand: a lasso round a whole cluster of an 80,000-word layout stays one pass.
    { id: 'lasso', type: 'scatter', data: [], z: 5, symbolSize: 4, large: true, largeThreshold: 2_000, itemStyle: { color: theme.text, opacity: 0.55 } },
  ];
  const trails: LineSeriesOption = { id: 'trails', type: 'line', data: [], z: 4, showSymbol: false, animation: false, lineStyle: { color: theme.text, width: 1.5, opacity: 0.7 } };
  const option: ChartOption = {
    animation: !large,
    animationThreshold: ANIMATION_THRESHOLD,
    animationDurationUpdate: 900,
    animationEasingUpdate: 'cubicInOut',
    grid: { left: 8, right: 90, top: 12, bottom: 12 },
    xAxis: axis,
    yAxis: axis,
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
    ],
    tooltip: {
      ...tooltipBox(theme),
      trigger: 'item',
      className: 'projector-tooltip',
      formatter: ((p: { seriesId: string; dataIndex: number }) => {
        const row = rowOf(rows, p.seriesId, p.dataIndex);
        return row === undefined ? '' : wordTooltipHtml(labels, row);
      }) as never,
    },
    visualMap: {
      type: 'continuous',
      // In large mode the words carry their bin's colour and the legend colours the labels only.
      seriesIndex: large ? [OVERLAY_IDS.indexOf('labels')] : [OVERLAY_IDS.indexOf('labels'), OVERLAY_IDS.length],
      dimension: 2,
      min: scale.min,
      max: scale.max,
      text: scale.text,
      inRange: { color: scale.colors },
      calculable: false,
      right: 0,
      top: 'middle',
      itemHeight: 160,
      textStyle: { color: theme.muted },
    },
    series: [...overlays, trails, ...words.series],
  };
  return { option, rows };
}

/** The word a series' data index stands for; the small layout's words are their own rows. */
export function rowOf(rows: RowsBySeries, seriesId: string, dataIndex: number): number | undefined {
  if (seriesId === 'words') return dataIndex;
  return rows[seriesId]?.[dataIndex];
}

/** The labels overlay: the given words named beside their points. */
export function labelsSeries(points: Points, labels: WordTable, scale: ColorScale, rows: readonly number[], theme: ChartTheme): ScatterSeriesOption {
  return {
    id: 'labels',
    data: overlayData(points, scale, rows),
    label: { show: true, position: 'right', color: theme.text, fontSize: 11, formatter: (p: { dataIndex: number }) => labels.words[rows[p.dataIndex]] ?? '' },
  };
}
