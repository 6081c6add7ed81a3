import { useEffect, useRef, useState } from 'react';
import { prepareSeries, SeriesStats } from './chart-data';
import type { SeriesStore } from './series-store';
import { throttleDraws } from '../shared/throttle-draws';
import { baseOption, chartSeries } from './chart-option';
import type { TrainingEvent } from '../../kinds/event/meta';
import { useChart } from '../shared/use-chart';
import type { EChartsType } from '../shared/echarts-setup';
import { NonFiniteBadges } from './non-finite-badges';
import { SeriesLegend } from './series-legend';

export interface MetricChartProps {
  runId: string;
  family: string;
  tags: string[];
  store: SeriesStore;
  /** The run's training events, drawn as vertical markers at their steps. */
  events: readonly TrainingEvent[];
}

/** Publishes what the chart holds, for tests and the latency bench, the moment the chart gets it. */
function publish(box: HTMLElement, stats: readonly SeriesStats[]): void {
  const counts = Object.fromEntries(stats.map((s) => [s.tag, s.count]));
  const lastSteps = stats.flatMap((s) => (s.lastStep === null ? [] : [s.lastStep]));
  box.dataset.points = String(stats.reduce((n, s) => n + s.count, 0));
  box.dataset.tagCounts = JSON.stringify(counts);
  box.dataset.lastStep = lastSteps.length ? String(Math.max(...lastSteps)) : '';
}

/** The steps that carry event markers and their x in pixels, for tests to find and hover them. */
function publishEvents(box: HTMLElement, chart: EChartsType, steps: readonly number[]): void {
  box.dataset.eventSteps = steps.join(' ');
  box.dataset.eventX = steps.map((step) => Math.round(chart.convertToPixel({ xAxisIndex: 0 }, step) as number)).join(' ');
}

/** One chart for a metric family; see throttleDraws for how often it redraws. */
export function MetricChart({ runId, family, tags, store, events }: MetricChartProps) {
  const boxRef = useRef<HTMLElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvasRef, (instance, next) => instance.setOption(baseOption(next)));
  const [stats, setStats] = useState<SeriesStats[]>([]);
  const tagsKey = tags.join('\n');

  useEffect(() => {
    if (!chart || !theme) return;
    const familyTags = tagsKey.split('\n');
    let seriesIds = '';
    // Events change only with this effect; their pixels move with every draw's axis range.
    const eventSteps = [...new Set(events.map((e) => e.step))].sort((a, b) => a - b);
    const draws = throttleDraws(() => {
      const prepared = familyTags.flatMap((tag) => {
        const series = store.get(tag);
        return series ? [prepareSeries(series)] : [];
      });
      const series = chartSeries(family, prepared, events, theme);
      const ids = series.map((s) => s.id).join('\n');
      // Replacing the series rebuilds their models; only needed when a series comes or goes.
      chart.setOption({ series }, ids === seriesIds ? undefined : { replaceMerge: ['series'] });
      seriesIds = ids;
      const next = prepared.map((p) => p.stats);
      publish(boxRef.current!, next);
      publishEvents(boxRef.current!, chart, eventSteps);
      setStats(next);
    });
    draws.request();
    const unsubscribe = store.subscribe((changed) => {
      if (familyTags.some((tag) => changed.has(tag))) draws.request();
    });
    return () => {
      unsubscribe();
      draws.cancel();
    };
  }, [chart, theme, store, family, tagsKey, events]);

  return (
    <article className="card chart-card" ref={boxRef} data-family={family} data-tags={tagsKey.replaceAll('\n', ' ')}>
      <header className="chart-head">
        <h3>{family}</h3>
        <NonFiniteBadges stats={stats} />
      </header>
      <div className="chart-canvas" ref={canvasRef} />
      {chart && theme && <SeriesLegend runId={runId} family={family} stats={stats} chart={chart} theme={theme} />}
    </article>
  );
}
