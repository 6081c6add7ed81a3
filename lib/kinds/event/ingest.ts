import type { IngestContext } from '../kind';
import type { TrainingEventsEvent } from './meta';
import type { EventsMessage } from './schema';
import type { EventTable } from './sqlite-table';

/** Stores events once per (run, step, kind, reason) and pushes them to the run's dashboards. */
export function ingestEvents({ runId, events }: EventsMessage, { store, tables, live }: IngestContext<EventTable, TrainingEventsEvent>): void {
  store.transaction(() => {
    tables.write(runId, events);
    store.touchRun(runId, Math.max(...events.map((e) => e.wallTime)));
  });
  live.push({ type: 'events', runId, events });
}
