import { bucketEdge } from '../../kinds/histogram/meta';
import { formatValue } from '../shared/format';
import type { HistogramSlice } from './histogram-slices';
import { valueAxisLabel } from '../shared/axis-label';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption, LineSeriesOption } from '../shared/echarts-setup';
import { tooltipBox } from '../shared/tooltip-box';

/** Offsets span this many times the tallest bucket, so the stack reads as depth without hiding shapes. */
const DEPTH = 1.4;

/** Bucket centres against counts: the shape of one step's distribution. */
export function outline(h: HistogramSlice): [number, number][] {
  return h.counts.map((c, i) => [(bucketEdge(h, i) + bucketEdge(h, i + 1)) / 2, c]);
}

/** Older steps fade, as in TensorBoard, so the newest shape stands out. */
function opacityAt(i: number, n: number): number {
  return n === 1 ? 1 : 0.18 + 0.82 * (i / (n - 1));
}

/**
 * TensorBoard's two histogram modes: `offset` stacks the steps in depth (newest in front, at the
 * bottom), `overlay` draws them on one count axis.
 */
export function histogramLinesOption(slices: readonly HistogramSlice[], mode: 'offset' | 'overlay', theme: ChartTheme): ChartOption {
  const n = slices.length;
  const tallest = Math.max(1, ...slices.flatMap((h) => h.counts));
  const gap = mode === 'offset' && n > 1 ? (tallest * DEPTH) / (n - 1) : 0;
  const color = theme.palette[0];
  const series: LineSeriesOption[] = slices.map((h, i) => {
    const shift = (n - 1 - i) * gap;
    const newest = i === n - 1;
    const labelled = mode === 'offset' && (newest || i === 0);
    return {
      type: 'line',
      name: `step ${h.step}`,
      data: outline(h).map(([x, c]) => [x, c + shift, c, h.step]),
      encode: { x: 0, y: 1 },
      showSymbol: false,
      smooth: 0.2,
      z: 2 + i,
      lineStyle: { width: newest ? 2 : 1.2, color, opacity: opacityAt(i, n) },
      // In offset mode each slice is filled with the card's colour down to its own baseline, so a
      // newer slice hides the older ones behind it, as in TensorBoard.
      areaStyle: mode === 'offset' ? { origin: shift, color: theme.surface, opacity: 1 } : undefined,
      itemStyle: { color },
      endLabel: labelled ? { show: true, formatter: `step ${h.step}`, color: theme.muted, fontSize: 11 } : undefined,
      emphasis: { focus: 'series', lineStyle: { width: 2.4, opacity: 1 } },
    };
  });
  const axisLabel = valueAxisLabel(theme);
  return {
    animation: false,
    grid: { left: 8, right: mode === 'offset' ? 64 : 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBox(theme),
      trigger: 'item',
      formatter: ((p: { data: number[] }) => {
        const [x, , c, step] = p.data;
        return `<div class="tt-head">step ${step}</div><div class="tt-row">≈${formatValue(x)}<b>${c}</b></div>`;
      }) as never,
    },
    xAxis: { type: 'value', scale: true, axisLabel, axisLine: { lineStyle: { color: theme.grid } }, splitLine: { show: false } },
    yAxis: {
      type: 'value',
      // Offset heights mix count and depth, so their scale would mislead; overlay shows counts.
      show: mode === 'overlay',
      axisLabel,
      axisLine: { show: false },
      splitLine: { lineStyle: { color: theme.grid, opacity: 0.6 } },
    },
    series,
  };
}
