import type { IngestContext } from '../kind';
import type { ScalarsEvent } from './points';
import { fromColumns, toLivePoints, type ScalarsMessage } from './schema';
import type { ScalarTable } from './sqlite-table';

/** Stores a batch once per (run, tag, step), pushes it to the run's dashboards, and refreshes the run list. */
export function ingestScalars(message: ScalarsMessage, { store, tables, live }: IngestContext<ScalarTable, ScalarsEvent>): void {
  const batch = fromColumns(message.points);
  store.transaction(() => {
    tables.write(message.runId, batch);
    let latest = 0;
    for (const { wallTimes } of batch) for (const t of wallTimes) latest = Math.max(latest, t);
    store.touchRun(message.runId, latest);
  });
  live.push({ type: 'scalars', runId: message.runId, points: toLivePoints(batch) });
  live.runTouched(message.runId);
}
