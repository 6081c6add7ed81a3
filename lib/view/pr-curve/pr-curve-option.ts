import { formatValue } from '../shared/format';
import { valueAxisLabel } from '../shared/axis-label';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption } from '../shared/echarts-setup';
import { tooltipBox } from '../shared/tooltip-box';
import type { PrCurveStep } from './use-live-pr-curves';

/**
 * Precision against recall at one step, one point per threshold, as TensorBoard's PR curve
 * dashboard draws it; the tooltip gives the threshold and its confusion counts.
 */
export function prCurveOption(curve: PrCurveStep, theme: ChartTheme): ChartOption {
  const data = curve.thresholds.map((t, i) => [curve.recall[i], curve.precision[i], t, curve.truePositives[i], curve.falsePositives[i], curve.trueNegatives[i], curve.falseNegatives[i]]);
  const axis = (name: string) => ({
    type: 'value' as const,
    min: 0,
    max: 1,
    name,
    nameLocation: 'middle' as const,
    nameGap: 28,
    nameTextStyle: { color: theme.muted },
    axisLabel: valueAxisLabel(theme),
    axisLine: { lineStyle: { color: theme.grid } },
    splitLine: { lineStyle: { color: theme.grid, opacity: 0.6 } },
  });
  return {
    animation: false,
    grid: { left: 16, right: 16, top: 12, bottom: 24, containLabel: true },
    tooltip: {
      ...tooltipBox(theme),
      trigger: 'item',
      formatter: ((p: { data: number[] }) => {
        const [recall, precision, threshold, tp, fp, tn, fn] = p.data;
        const row = (name: string, value: string) => `<div class="tt-row">${name}<b>${value}</b></div>`;
        return `<div class="tt-head">threshold ${formatValue(threshold)}</div>${row('precision', formatValue(precision))}${row('recall', formatValue(recall))}${row('TP · FP', `${tp} · ${fp}`)}${row('TN · FN', `${tn} · ${fn}`)}`;
      }) as never,
    },
    xAxis: axis('recall'),
    yAxis: axis('precision'),
    series: [
      {
        type: 'line',
        name: `step ${curve.step}`,
        data,
        encode: { x: 0, y: 1 },
        showSymbol: false,
        lineStyle: { width: 2, color: theme.palette[0] },
        itemStyle: { color: theme.palette[0] },
      },
    ],
  };
}
