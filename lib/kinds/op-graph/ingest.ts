import type { IngestContext } from '../kind';
import type { OpGraphMessage } from './schema';
import type { OpGraphTable } from './sqlite-table';

/** One op graph per run: a resend replaces it. The graph page asks again on any push about the run, so nothing is pushed. */
export function ingestOpGraph({ runId, graph }: OpGraphMessage, { tables }: IngestContext<OpGraphTable, never>): void {
  tables.write(runId, graph);
}
