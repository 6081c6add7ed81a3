import { defineKind } from '../kind';
import { ingestSweep } from './ingest';
import { SWEEP_KIND } from './meta';
import { readSweep, readSweepSummaries } from './reader';
import { sweepMessageSchema, sweepTrialsMessageSchema } from './schema';
import { SWEEP_SCHEMA, SweepTable } from './sqlite-table';

/** Hyperparameter sweeps: what each searched, and every trial's params, state and value. See http-api.md. */
export const sweepKind = defineKind({
  name: SWEEP_KIND,
  messages: [sweepMessageSchema, sweepTrialsMessageSchema],
  schema: SWEEP_SCHEMA,
  openTables: (store) => new SweepTable(store.db),
  ingest: ingestSweep,
  readers: { list: readSweepSummaries, get: readSweep },
});
