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

function sameIntervals(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i][0] && hi === b[i][1]);
}

/**
 * Parallel coordinates of the runs. Brushing an axis (drag along it; click to clear) reports the
 * axis' intervals, and a brush changed elsewhere (Clear brush) is dispatched to the chart, so the
 * chart and `brush` agree. A redraw merges the axes by id, which keeps each axis' intervals.
 */
export function ParallelChart({ runs, axes, objective, brush, onBrush, onOpen }: ParallelChartProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvas);
  const option = useMemo(() => (theme ? parallelOption(runs, axes, objective, theme) : null), [runs, axes, objective, theme]);
  /** The intervals the chart holds, by axis: what it reported, or what was dispatched to it. */
  const held = useRef(new Map<string, readonly Interval[]>());
  const reportBrush = useEffectEvent((event: AreaSelected) => {
    if (event.parallelAxisId === undefined) return;
    held.current.set(event.parallelAxisId, event.intervals ?? []);
    onBrush(event.parallelAxisId, event.intervals ?? []);
  });
  const open = useEffectEvent((dataIndex: number) => {
    const run = runs[dataIndex];
    if (run) onOpen(run.id);
  });

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
    if (chart && option) chart.setOption(option, { replaceMerge: ['parallelAxis', 'series', 'visualMap'] });
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !option) return;
    let changed = false;
    for (const axis of axes) {
      const wanted = brush.get(axis.key) ?? [];
      if (sameIntervals(wanted, held.current.get(axis.key) ?? [])) continue;
      held.current.set(axis.key, wanted);
      chart.dispatchAction({ type: 'axisAreaSelect', parallelAxisId: axis.key, intervals: wanted });
      changed = true;
    }
    // ECharts leaves an axis' brush drawn as it was after an axisAreaSelect (the user drew it);
    // a redraw draws the dispatched ones.
    if (changed) chart.setOption({});
  }, [chart, option, axes, brush]);

  return <div ref={canvas} className="hparams-parallel" data-parallel-chart data-lines={runs.length} />;
}
