import { defineKind } from '../kind';
import { ingestImages } from './ingest';
import { IMAGE_KIND } from './meta';
import { readImageData, readImageList, readImageTags } from './reader';
import { imagesMessageSchema } from './schema';
import { IMAGE_SCHEMA, ImageTable } from './sqlite-table';

/** Encoded images per tag, step and sample (TensorBoard's Summary.Image), served as files. See http-api.md. */
export const imageKind = defineKind({
  name: IMAGE_KIND,
  messages: [imagesMessageSchema],
  schema: IMAGE_SCHEMA,
  openTables: (store) => new ImageTable(store.db, store.tags),
  ingest: ingestImages,
  deleteRun: (tables, runId) => tables.deleteRun(runId),
  readers: { tags: readImageTags, list: readImageList, data: readImageData },
});
