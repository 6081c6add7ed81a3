import type { IngestContext } from '../kind';
import type { PrCurvesEvent } from './meta';
import type { PrCurvesMessage } from './schema';
import type { PrCurveTable } from './sqlite-table';

/** Stores curves once per (run, tag, step), the last written winning, and pushes them to the run's dashboards. */
export function ingestPrCurves({ runId, curves }: PrCurvesMessage, { store, tables, live }: IngestContext<PrCurveTable, PrCurvesEvent>): void {
  store.transaction(() => {
    tables.write(runId, curves);
    store.touchRun(runId, Math.max(...curves.map((c) => c.wallTime)));
  });
  live.push({ type: 'pr-curves', runId, curves });
}
