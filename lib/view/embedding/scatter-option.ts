import type { ColorScale } from './color-scale';
import type { WordTable } from '../../kinds/embedding/reader';
import { wordTooltipHtml } from './word-tooltip';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption, ScatterSeriesOption } from '../shared/echarts-setup';
import { tooltipBox } from '../shared/tooltip-box';

/** [x, y, colour value, row]: the row rides along so tooltips and clicks find the word. */
export type WordDatum = [x: number, y: number, value: number, row: number];

export interface ScatterArgs {
  points: { x: number[]; y: number[] };
  labels: WordTable;
  scale: ColorScale;
  selected: number | null;
  neighbors: readonly number[];
  theme: ChartTheme;
}

/** The selected word and its neighbours are drawn on top, as the second series; the selected word is its first point. */
export const SELECTION_SERIES = 1;

/** ECharts turns animation off above a threshold (2,000 by default); the epoch slider needs it on for every word. */
const ANIMATION_THRESHOLD = 250_000;

/**
 * Every word as a point. The series keep their ids and rows keep their data index across
 * snapshots, so ECharts moves each point to its new place instead of redrawing the cloud.
 */
export function scatterOption({ points, labels, scale, selected, neighbors, theme }: ScatterArgs): ChartOption {
  const datum = (row: number): WordDatum => [points.x[row], points.y[row], scale.values[row] ?? 0, row];
  const words: WordDatum[] = points.x.map((_, row) => datum(row));
  const picked = selected === null ? [] : [selected, ...neighbors].filter((row) => row < points.x.length);
  const axis = { type: 'value' as const, scale: true, show: false };
  const selection: ScatterSeriesOption = {
    id: 'selection',
    type: 'scatter',
    data: picked.map(datum),
    z: 10,
    symbolSize: (d: WordDatum) => (d[3] === selected ? 13 : 9),
    itemStyle: { color: theme.surface, borderColor: theme.text, borderWidth: 2 },
    // Canvas text, not HTML: a word drawn here cannot inject markup.
    label: { show: true, position: 'right', color: theme.text, fontSize: 12, formatter: (p) => labels.words[(p.data as WordDatum)[3]] ?? '' },
    labelLayout: { hideOverlap: true },
  };
  return {
    animationThreshold: ANIMATION_THRESHOLD,
    animationDurationUpdate: 900,
    animationEasingUpdate: 'cubicInOut',
    grid: { left: 8, right: 90, top: 12, bottom: 12 },
    xAxis: axis,
    yAxis: axis,
    tooltip: {
      ...tooltipBox(theme),
      trigger: 'item',
      className: 'projector-tooltip',
      formatter: ((p: { data: WordDatum }) => wordTooltipHtml(labels, p.data[3])) as never,
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
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
    series: [
      {
        id: 'words',
        type: 'scatter',
        data: words,
        symbolSize: 5,
        itemStyle: { opacity: selected === null ? 0.85 : 0.3 },
        emphasis: { scale: 2 },
      },
      selection,
    ],
  };
}
