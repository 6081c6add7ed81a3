import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import type { Brush, Interval } from '../../hparams/brush-filter';
import type { Objective } from '../../hparams/best-run';
import type { HParamAxis, HParamRun } from '../../hparams/hparam-axes';
import { useChart } from '../shared/use-chart';
import { parallelOption } from './parallel-option';

/** The chart instance on its element, for scripts and tests that brush as a user would (dispatchAction). */
export const CHART_PROPERTY = 'hparamsChart';

interface AreaSelected {
  parallelAxisId?: string;
  intervals?: Interval[];
}

export interface ParallelChartProps {
  runs: readonly HParamRun[];
  axes: readonly HParamAxis[];
  objective: Objective | null;
  brush: Brush;
  onBrush: (axisKey: string, intervals: readonly Interval[]) => void;
  onOpen: (runId: string) => void;
}

/**
 * Parallel coordinates of the runs. Brushing an axis (drag along it; click to clear) reports the
 * axis' intervals. A redraw replaces the axes, which drops ECharts' own brushes, so the held brush
 * is dispatched again after each one.
 */
export function ParallelChart({ runs, axes, objective, brush, onBrush, onOpen }: ParallelChartProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvas);
  const option = useMemo(() => (theme ? parallelOption(runs, axes, objective, theme) : null), [runs, axes, objective, theme]);
  const reportBrush = useEffectEvent((event: AreaSelected) => {
    if (event.parallelAxisId !== undefined) onBrush(event.parallelAxisId, event.intervals ?? []);
  });
  const open = useEffectEvent((dataIndex: number) => {
    const run = runs[dataIndex];
    if (run) onOpen(run.id);
  });
  const heldBrush = useEffectEvent(() => brush);

  useEffect(() => {
    if (!chart) return;
    Object.defineProperty(canvas.current!, CHART_PROPERTY, { value: chart, configurable: true });
    chart.on('axisareaselected', (event) => reportBrush(event as AreaSelected));
    chart.on('click', (event) => open(event.dataIndex));
    return () => {
      chart.off('axisareaselected');
      chart.off('click');
    };
  }, [chart]);

  useEffect(() => {
    if (!chart || !option) return;
    chart.setOption(option, { notMerge: true });
    for (const [key, intervals] of heldBrush()) {
      if (axes.some((a) => a.key === key)) chart.dispatchAction({ type: 'axisAreaSelect', parallelAxisId: key, intervals });
    }
  }, [chart, option, axes]);

  return <div ref={canvas} className="hparams-parallel" data-parallel-chart data-lines={runs.length} />;
}
