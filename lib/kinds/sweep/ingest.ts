import type { IngestContext } from '../kind';
import type { SweepEvent } from './meta';
import { readSweep } from './reader';
import type { SweepMessage, SweepTrialsMessage } from './schema';
import type { SweepTable } from './sqlite-table';

/**
 * Stores a sweep's definition or its trials' latest reports, then pushes the whole sweep to its
 * dashboards. Trials may arrive before the definition (a message resent after a reconnect); the
 * sweep is pushed once it has both.
 */
export function ingestSweep(message: SweepMessage | SweepTrialsMessage, context: IngestContext<SweepTable, SweepEvent>): void {
  const { store, tables, live } = context;
  const { runId } = message;
  store.transaction(() => {
    if (message.type === 'sweep') return tables.writeDefinition(runId, message.definition);
    tables.writeTrials(runId, message.trials);
    store.touchRun(runId, Math.max(...message.trials.map((t) => t.finishedAt ?? t.startedAt)));
  });
  if (tables.definition(runId)) live.push({ type: 'sweep', runId, sweep: readSweep(context, runId) });
  live.runTouched(runId);
}
