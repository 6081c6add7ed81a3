import { defineKind } from '../kind';
import { ingestText } from './ingest';
import { TEXT_KIND } from './meta';
import { readTextSeries, readTextTags } from './reader';
import { textMessageSchema } from './schema';
import { TEXT_SCHEMA, TextTable } from './sqlite-table';

/** TensorBoard's text dashboard: Markdown per tag and step. See http-api.md. */
export const textKind = defineKind({
  name: TEXT_KIND,
  messages: [textMessageSchema],
  schema: TEXT_SCHEMA,
  openTables: (store) => new TextTable(store.db, store.tags),
  ingest: ingestText,
  deleteRun: (tables, runId) => tables.deleteRun(runId),
  readers: { tags: readTextTags, series: readTextSeries },
});
