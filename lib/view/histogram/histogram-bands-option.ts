import { bucketEdge } from '../../kinds/histogram/meta';
import { formatTick, formatValue } from '../shared/format';
import type { HistogramSlice } from './histogram-slices';
import { valueAxisLabel } from '../shared/axis-label';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption, HeatmapSeriesOption, LineSeriesOption } from '../shared/echarts-setup';
import { tooltipBox } from '../shared/tooltip-box';

/** Pairs of basis-point indexes, outermost first: min–max, ±1.5σ, ±σ, ±0.5σ. */
const BANDS = [
  [0, 8],
  [1, 7],
  [2, 6],
  [3, 5],
] as const;
const MEDIAN = 4;
const HEAT_BINS = 40;

/**
 * TensorBoard's distributions: nested bands between percentiles over steps. Each band is an
 * invisible lower line plus its width stacked on it; 'all' stacks across zero, where the
 * default would restart negative lower edges at zero.
 */
export function distributionsOption(slices: readonly HistogramSlice[], theme: ChartTheme): ChartOption {
  const color = theme.palette[0];
  const series: LineSeriesOption[] = BANDS.flatMap(([lo, hi], b) => {
    const stack = `band${b}`;
    const common = { type: 'line' as const, stack, stackStrategy: 'all' as const, showSymbol: false, silent: true, lineStyle: { width: 0 } };
    return [
      { ...common, name: `${stack}-base`, data: slices.map((h) => [h.step, h.basisPoints[lo]]) },
      {
        ...common,
        name: `${stack}-width`,
        data: slices.map((h) => [h.step, h.basisPoints[hi] - h.basisPoints[lo]]),
        areaStyle: { color, opacity: 0.16 + 0.12 * b },
      },
    ];
  });
  series.push({
    type: 'line',
    name: 'median',
    data: slices.map((h) => [h.step, h.basisPoints[MEDIAN]]),
    showSymbol: slices.length < 3,
    lineStyle: { color, width: 1.6 },
    itemStyle: { color },
  });
  const axisLabel = valueAxisLabel(theme);
  const byStep = new Map(slices.map((h) => [h.step, h]));
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBox(theme),
      trigger: 'axis',
      formatter: ((params: { axisValue: number }[]) => {
        const h = byStep.get(Number(params[0]?.axisValue));
        if (!h) return '';
        const bp = h.basisPoints;
        const row = (label: string, a: number, z: number) => `<div class="tt-row">${label}<b>${formatValue(a)} … ${formatValue(z)}</b></div>`;
        return `<div class="tt-head">step ${h.step}</div>${row('min–max', bp[0], bp[8])}${row('±σ', bp[2], bp[6])}<div class="tt-row">median<b>${formatValue(bp[MEDIAN])}</b></div>`;
      }) as never,
    },
    xAxis: { type: 'value', min: 'dataMin', max: 'dataMax', axisLabel, axisLine: { lineStyle: { color: theme.grid } }, splitLine: { show: false } },
    yAxis: { type: 'value', scale: true, axisLabel, splitLine: { lineStyle: { color: theme.grid, opacity: 0.6 } } },
    series,
  };
}

/** Each step's buckets have their own range, so counts are spread onto one shared grid by overlap. */
function rebin(h: HistogramSlice, lo: number, width: number): number[] {
  const bins = new Array<number>(HEAT_BINS).fill(0);
  h.counts.forEach((c, i) => {
    if (c === 0) return;
    const a = bucketEdge(h, i);
    const z = bucketEdge(h, i + 1);
    const first = Math.max(0, Math.floor((a - lo) / width));
    const last = Math.min(HEAT_BINS - 1, Math.floor((z - lo) / width));
    for (let k = first; k <= last; k++) {
      const overlap = Math.min(z, lo + (k + 1) * width) - Math.max(a, lo + k * width);
      bins[k] += z > a ? (c * Math.max(0, overlap)) / (z - a) : c;
    }
  });
  return bins;
}

/** Steps across, values up, counts as colour: every step's whole shape at once. */
export function heatmapOption(slices: readonly HistogramSlice[], theme: ChartTheme): ChartOption {
  const lo = Math.min(...slices.map((h) => h.min));
  const hi = Math.max(...slices.map((h) => h.max));
  const width = hi > lo ? (hi - lo) / HEAT_BINS : 1;
  const cells: [number, number, number][] = [];
  slices.forEach((h, x) => rebin(h, lo, width).forEach((c, y) => c > 0 && cells.push([x, y, Math.round(c * 10) / 10])));
  const top = Math.max(1, ...cells.map((c) => c[2]));
  const labels = Array.from({ length: HEAT_BINS }, (_, k) => formatTick(lo + (k + 0.5) * width));
  const series: HeatmapSeriesOption = { type: 'heatmap', data: cells, emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } } };
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    tooltip: {
      ...tooltipBox(theme),
      trigger: 'item',
      formatter: ((p: { data: number[] }) => {
        const [x, y, c] = p.data;
        return `<div class="tt-head">step ${slices[x]?.step}</div><div class="tt-row">≈${labels[y]}<b>${c}</b></div>`;
      }) as never,
    },
    xAxis: { type: 'category', data: slices.map((h) => String(h.step)), axisLabel: { color: theme.muted, hideOverlap: true }, axisLine: { lineStyle: { color: theme.grid } } },
    yAxis: {
      type: 'category',
      data: labels,
      axisLabel: { color: theme.muted, interval: HEAT_BINS / 8 - 1 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: top,
      calculable: false,
      text: [formatTick(top), '0'],
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      itemWidth: 10,
      textStyle: { color: theme.muted, fontSize: 11 },
      inRange: { color: [theme.surface, theme.palette[0], theme.palette[1]] },
    },
    series: [series],
  };
}
