import type { IngestContext } from '../kind';
import type { GraphMessage } from './schema';
import type { GraphTable } from './sqlite-table';

/** One graph per run: a resend replaces it. Sent once before training, so nothing is pushed. */
export function ingestGraph({ runId, graph }: GraphMessage, { tables }: IngestContext<GraphTable, never>): void {
  tables.write(runId, graph);
}
