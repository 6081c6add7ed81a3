import type { IngestContext } from '../kind';
import type { TextEvent } from './meta';
import type { TextMessage } from './schema';
import type { TextTable } from './sqlite-table';

/** Stores each entry once per (run, tag, step) and pushes the ones that were new. */
export function ingestText({ runId, entries }: TextMessage, { store, tables, live }: IngestContext<TextTable, TextEvent>): void {
  const fresh = store.transaction(() => {
    const stored = tables.write(runId, entries);
    store.touchRun(runId, Math.max(...entries.map((e) => e.wallTime)));
    return stored;
  });
  if (fresh.length > 0) live.push({ type: 'text', runId, entries: fresh });
}
