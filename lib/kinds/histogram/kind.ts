import { defineKind } from '../kind';
import { ingestHistograms } from './ingest';
import { HISTOGRAM_KIND } from './meta';
import { readHistogramSeries, readHistogramTags } from './reader';
import { histogramsMessageSchema } from './schema';
import { HISTOGRAM_SCHEMA, HistogramTable } from './sqlite-table';
import { readHistogramTagRuns } from './tag-runs-reader';

/** Keras' histogram_freq: one tensor's distribution per tag and step. See http-api.md. */
export const histogramKind = defineKind({
  name: HISTOGRAM_KIND,
  messages: [histogramsMessageSchema],
  schema: HISTOGRAM_SCHEMA,
  openTables: (store) => new HistogramTable(store.db, store.tags),
  ingest: ingestHistograms,
  deleteRun: (tables, runId) => tables.deleteRun(runId),
  readers: {
    tags: readHistogramTags,
    series: readHistogramSeries,
    tagRuns: readHistogramTagRuns,
  },
});
