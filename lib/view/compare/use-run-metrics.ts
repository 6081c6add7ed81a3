import { useEffect, useState } from 'react';
import { type MetricSummary, summarizeMetric } from '../../compare/metric-summary';
import type { CompareData } from './compare-data';

/** While series load or stream in, the table recomputes at most this often. */
const RECOMPUTE_MS = 1_000;

export type RunMetrics = ReadonlyMap<string, ReadonlyMap<string, MetricSummary>>;

/**
 * Each run's last, min, max and best per tag, from the points the page holds. Those are min/max
 * thinned at most, which keeps every bucket's extremes and the latest point, so min, max, best and
 * last are the stored series' own.
 */
export function useRunMetrics(data: CompareData, runIds: readonly string[]): RunMetrics {
  const [metrics, setMetrics] = useState<RunMetrics>(new Map());
  const key = runIds.join('\n');
  useEffect(() => {
    const ids = key === '' ? [] : key.split('\n');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compute = () => {
      timer = undefined;
      const next = new Map<string, Map<string, MetricSummary>>();
      for (const id of ids) {
        const store = data.store(id);
        const byTag = new Map<string, MetricSummary>();
        for (const tag of store?.tags() ?? []) {
          const columns = store!.get(tag)?.columns;
          if (columns && columns.steps.length > 0) byTag.set(tag, summarizeMetric(tag, columns));
        }
        next.set(id, byTag);
      }
      setMetrics(next);
    };
    const schedule = () => {
      timer ??= setTimeout(compute, RECOMPUTE_MS);
    };
    compute();
    const unsubscribes = ids.map((id) => data.store(id)?.subscribe(schedule));
    return () => {
      clearTimeout(timer);
      for (const unsubscribe of unsubscribes) unsubscribe?.();
    };
  }, [data, key]);
  return metrics;
}
