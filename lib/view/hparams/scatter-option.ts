import type { Objective } from '../../hparams/best-run';
import { valueOf, type HParamAxis, type HParamRun } from '../../hparams/hparam-axes';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption } from '../shared/echarts-setup';
import { escapeHtml } from '../shared/escape-html';
import { tooltipBox } from '../shared/tooltip-box';

/**
 * One hyperparameter against the objective: a point per run that has both, on the hyperparameter's
 * own scale (log, linear or its categories). Runs inside the brush are drawn in the accent colour,
 * the others faded, so the scatter shows what the brush keeps.
 */
export function scatterOption(runs: readonly HParamRun[], axis: HParamAxis, objective: Objective, kept: ReadonlySet<string>, theme: ChartTheme): ChartOption {
  const points = runs.flatMap((run) => {
    const x = valueOf(run, axis);
    const y = run.metrics[objective.metric];
    if (x === null || y === undefined || !Number.isFinite(y)) return [];
    return [{ name: run.name, value: [x, y], itemStyle: { color: kept.has(run.id) ? theme.palette[0] : theme.grid } }];
  });
  const xAxis =
    axis.type === 'category'
      ? { type: 'category' as const, data: axis.categories }
      : { type: axis.type, scale: true, ...(axis.type === 'log' ? { min: axis.min, max: axis.max } : {}) };
  const option = {
    animation: false,
    grid: { left: 50, right: 12, top: 12, bottom: 40 },
    tooltip: { trigger: 'item' as const, ...tooltipBox(theme), formatter: (p: { name: string }) => escapeHtml(p.name) },
    xAxis: { ...xAxis, name: axis.key, nameLocation: 'middle' as const, nameGap: 26, axisLabel: { color: theme.muted, fontSize: 10 }, axisLine: { lineStyle: { color: theme.grid } }, splitLine: { show: false } },
    yAxis: { type: 'value' as const, scale: true, axisLabel: { color: theme.muted, fontSize: 10 }, splitLine: { lineStyle: { color: theme.grid } } },
    series: [{ type: 'scatter' as const, symbolSize: 8, data: points }],
  };
  return option as unknown as ChartOption;
}
