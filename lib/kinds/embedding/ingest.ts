import type { IngestContext } from '../kind';
import type { EmbeddingsEvent, ProjectionEvent } from './meta';
import { toEmbeddingChunk, type EmbeddingMessage, type VocabularyMessage } from './schema';
import type { EmbeddingTables } from './tables';

export type EmbeddingPush = EmbeddingsEvent | ProjectionEvent;

/**
 * Stores a chunk once per (run, tag, step, rowOffset). The chunk that completes a snapshot pushes
 * the run's snapshot list and queues the snapshot's UMAP layout; a vocabulary replaces the run's.
 */
export function ingestEmbedding(message: EmbeddingMessage | VocabularyMessage, { store, tables, live, projections }: IngestContext<EmbeddingTables, EmbeddingPush>): void {
  const { runId } = message;
  if (message.type === 'vocabulary') {
    store.transaction(() => tables.writeVocabulary(runId, message.vocabulary));
    return;
  }
  const chunk = toEmbeddingChunk(message);
  const completed = store.transaction(() => {
    const done = tables.snapshots.write(runId, chunk);
    store.touchRun(runId, chunk.wallTime);
    return done;
  });
  if (!completed) return;
  live.push({ type: 'embeddings', runId, snapshots: tables.snapshots.list(runId) });
  projections?.snapshotCompleted(runId, chunk.tag, chunk.step);
}
