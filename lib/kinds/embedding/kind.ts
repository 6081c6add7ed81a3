import { defineKind } from '../kind';
import { ingestEmbedding } from './ingest';
import { EMBEDDING_KIND } from './meta';
import { readDrift } from './read-drift';
import { readNeighbors } from './read-neighbors';
import { readProjection } from './read-projection';
import { readEmbeddingList } from './reader';
import { embeddingMessageSchema, vocabularyMessageSchema } from './schema';
import { EMBEDDING_KIND_SCHEMA, EmbeddingTables } from './tables';

/** Keras' embeddings_freq: Embedding matrices per epoch, their words, and their 2-D layouts. See http-api.md. */
export const embeddingKind = defineKind({
  name: EMBEDDING_KIND,
  messages: [embeddingMessageSchema, vocabularyMessageSchema],
  schema: EMBEDDING_KIND_SCHEMA,
  openTables: (store) => new EmbeddingTables(store),
  ingest: ingestEmbedding,
  deleteRun: (tables, runId) => tables.deleteRun(runId),
  readers: {
    list: readEmbeddingList,
    projection: readProjection,
    neighbors: readNeighbors,
    drift: readDrift,
  },
});
