import { type CompareCurve, type CompareStep, curveStepLabel } from './compare-curves';
import { histogramCompareTooltip } from './histogram-compare-tooltip';
import type { HistogramSlice } from './histogram-slices';
import { valueAxisLabel } from '../shared/axis-label';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption, LineSeriesOption } from '../shared/echarts-setup';
import { outline } from './histogram-lines-option';
import { tooltipBox } from '../shared/tooltip-box';

/** The page's run takes the first colour, compared runs the next ones in the order they were chosen. */
export function compareColor(theme: ChartTheme, index: number): string {
  return theme.palette[index % theme.palette.length];
}

/**
 * Share of the finite elements per unit of value. Each run buckets its own [min, max], so raw
 * counts would draw a narrow distribution as tall as a wide one; densities keep areas comparable.
 */
export function densityOutline(h: HistogramSlice): [x: number, density: number, count: number][] {
  const total = h.counts.reduce((a, b) => a + b, 0);
  const width = (h.max - h.min) / h.counts.length;
  return outline(h).map(([x, c]) => [x, total > 0 && width > 0 ? c / (total * width) : 0, c]);
}

/** One curve per run for the same tensor at one step, on a shared value axis. */
export function histogramCompareOption(curves: readonly CompareCurve[], step: CompareStep, theme: ChartTheme): ChartOption {
  const series: LineSeriesOption[] = curves.flatMap((curve, i) => {
    if (!curve.slice) return [];
    const color = compareColor(theme, i);
    return [
      {
        type: 'line',
        id: curve.runId,
        name: curve.runId,
        data: densityOutline(curve.slice).map(([x, density, count]) => [x, density, count, i]),
        encode: { x: 0, y: 1 },
        showSymbol: false,
        smooth: 0.2,
        z: 2 + curves.length - i,
        lineStyle: { width: i === 0 ? 2.2 : 1.6, color },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.07 },
        emphasis: { focus: 'series' },
      },
    ];
  });
  const axisLabel = valueAxisLabel(theme);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBox(theme),
      // Runs bucket different ranges, so the axis pointer picks each run's bucket nearest the value.
      trigger: 'axis',
      formatter: ((params: { data: number[] }[]) =>
        histogramCompareTooltip(
          params.map(({ data: [value, density, count, i] }) => ({
            runName: curves[i].name,
            stepLabel: curveStepLabel(curves[i], step),
            color: compareColor(theme, i),
            value,
            count,
            density,
          })),
        )) as never,
    },
    xAxis: { type: 'value', scale: true, axisLabel, axisLine: { lineStyle: { color: theme.grid } }, splitLine: { show: false } },
    yAxis: {
      type: 'value',
      name: 'density',
      nameTextStyle: { color: theme.muted, fontSize: 11, align: 'left' },
      axisLabel,
      // On a value axis the line would sit at x = 0, in the middle of the curves.
      axisLine: { show: false, onZero: false },
      splitLine: { lineStyle: { color: theme.grid, opacity: 0.6 } },
    },
    series,
  };
}
