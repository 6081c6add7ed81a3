import type { IngestContext } from '../kind';
import { withBasisPoints } from './basis-points';
import type { HistogramsEvent } from './meta';
import type { HistogramsMessage } from './schema';
import type { HistogramTable } from './sqlite-table';

/** Stores snapshots once per (run, tag, step) and pushes them, with their bands, to the run's dashboards. */
export function ingestHistograms({ runId, histograms }: HistogramsMessage, { store, tables, live }: IngestContext<HistogramTable, HistogramsEvent>): void {
  store.transaction(() => {
    tables.write(runId, histograms);
    store.touchRun(runId, Math.max(...histograms.map((h) => h.wallTime)));
  });
  live.push({ type: 'histograms', runId, histograms: histograms.map(withBasisPoints) });
}
