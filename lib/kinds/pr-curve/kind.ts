import { defineKind } from '../kind';
import { ingestPrCurves } from './ingest';
import { PR_CURVE_KIND } from './meta';
import { readPrCurveSeries, readPrCurveTags } from './reader';
import { prCurvesMessageSchema } from './schema';
import { PR_CURVE_SCHEMA, PrCurveTable } from './sqlite-table';

/** TensorBoard's pr_curves: one precision–recall curve per tag and step. See http-api.md. */
export const prCurveKind = defineKind({
  name: PR_CURVE_KIND,
  messages: [prCurvesMessageSchema],
  schema: PR_CURVE_SCHEMA,
  openTables: (store) => new PrCurveTable(store.db, store.tags),
  ingest: ingestPrCurves,
  deleteRun: (tables, runId) => tables.deleteRun(runId),
  readers: { tags: readPrCurveTags, series: readPrCurveSeries },
});
