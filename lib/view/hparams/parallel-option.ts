import type { Objective } from '../../hparams/best-run';
import { valueOf, type HParamAxis, type HParamRun } from '../../hparams/hparam-axes';
import type { ChartTheme } from '../shared/chart-theme';
import type { ChartOption } from '../shared/echarts-setup';
import { escapeHtml } from '../shared/escape-html';
import { tooltipBox } from '../shared/tooltip-box';

/** Low to high objective: a cold-to-warm ramp, so the eye finds the best lines whichever the goal. */
const RAMP = ['#3b4cc0', '#8db0fe', '#f3c583', '#d6604d', '#b40426'];

/** An axis' coordinate for ECharts: its category's name on a categorical axis; '-' (not drawn) for none. */
function coordinate(run: HParamRun, axis: HParamAxis): number | string {
  const value = valueOf(run, axis);
  if (value === null) return '-';
  return axis.type === 'category' ? axis.categories[value] : value;
}

function parallelAxis(axis: HParamAxis, i: number, theme: ChartTheme) {
  const common = {
    // The id is the axis' key, so a brush (axisAreaSelect) names the axis it filters.
    id: axis.key,
    dim: i,
    name: axis.source === 'metric' ? `${axis.key} ▪` : axis.key,
    nameLocation: 'end' as const,
    nameTextStyle: { color: axis.source === 'metric' ? theme.text : theme.muted, fontSize: 11 },
    axisLine: { lineStyle: { color: theme.grid } },
    axisLabel: { color: theme.muted, fontSize: 10 },
    realtime: false,
    areaSelectStyle: { width: 16, color: theme.palette[0], borderColor: theme.palette[0], opacity: 0.2 },
  };
  if (axis.type === 'category') return { ...common, type: 'category' as const, data: axis.categories };
  // A sweep's bounds set the axis ends; a metric's span is padded by its own scale.
  return axis.type === 'log' ? { ...common, type: 'log' as const, min: axis.min, max: axis.max, logBase: 10 } : { ...common, type: 'value' as const, scale: true };
}

/**
 * The parallel coordinates: one axis per hyperparameter then per metric, a line per run coloured by
 * the objective. Runs without an objective value are grey. Brushed-out lines fade (ECharts' own
 * inactive state), while the table beside it lists only the runs inside the brush.
 */
export function parallelOption(runs: readonly HParamRun[], axes: readonly HParamAxis[], objective: Objective | null, theme: ChartTheme): ChartOption {
  const objectiveDim = objective ? axes.findIndex((a) => a.key === objective.metric && a.source === 'metric') : -1;
  const values = objectiveDim < 0 ? [] : runs.map((run) => run.metrics[objective!.metric]).filter(Number.isFinite);
  const [min, max] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  const option = {
    animation: false,
    parallel: { left: 60, right: 90, top: 40, bottom: 30, parallelAxisDefault: { nameGap: 12 } },
    parallelAxis: axes.map((axis, i) => parallelAxis(axis, i, theme)),
    tooltip: {
      trigger: 'item' as const,
      ...tooltipBox(theme),
      formatter: (p: { dataIndex: number }) => {
        const run = runs[p.dataIndex];
        return run ? escapeHtml(run.name) : '';
      },
    },
    visualMap:
      objectiveDim < 0
        ? undefined
        : {
            type: 'continuous' as const,
            show: true,
            dimension: objectiveDim,
            min,
            max: max === min ? min + 1 : max,
            inRange: { color: objective!.goal === 'max' ? RAMP : [...RAMP].reverse() },
            outOfRange: { color: theme.grid },
            right: 0,
            top: 'middle' as const,
            itemHeight: 120,
            calculable: false,
            text: [objective!.goal === 'max' ? 'best' : 'worst', objective!.goal === 'max' ? 'worst' : 'best'],
            textStyle: { color: theme.muted, fontSize: 10 },
          },
    series: [
      {
        type: 'parallel' as const,
        lineStyle: { width: 2, opacity: 0.75, color: theme.muted },
        inactiveOpacity: 0.08,
        activeOpacity: 1,
        emphasis: { lineStyle: { width: 4, opacity: 1 } },
        data: runs.map((run) => ({ name: run.name, value: axes.map((axis) => coordinate(run, axis)) })),
      },
    ],
  };
  return option as unknown as ChartOption;
}
