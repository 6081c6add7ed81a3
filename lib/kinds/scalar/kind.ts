import { defineKind } from '../kind';
import { ingestScalars } from './ingest';
import { SCALAR_KIND } from './meta';
import { readScalarSeries, readScalarTags } from './reader';
import { findRunSummary, readRunSummaries, readRunSummary } from './run-summary';
import { scalarsMessageSchema } from './schema';
import { SCALAR_SCHEMA, ScalarTable } from './sqlite-table';
import { readScalarTagRunPoints, readScalarTagRuns } from './tag-runs-reader';

/** Keras' logged metrics: one value per tag and step, downsampled on read. See http-api.md. */
export const scalarKind = defineKind({
  name: SCALAR_KIND,
  messages: [scalarsMessageSchema],
  schema: SCALAR_SCHEMA,
  openTables: (store) => new ScalarTable(store.db, store.tags),
  ingest: ingestScalars,
  deleteRun: (tables, runId) => tables.deleteRun(runId),
  readers: {
    tags: readScalarTags,
    series: readScalarSeries,
    tagRuns: readScalarTagRuns,
    tagRunPoints: readScalarTagRunPoints,
    runs: readRunSummaries,
    run: readRunSummary,
    findRun: findRunSummary,
  },
});
