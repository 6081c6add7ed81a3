import { ApiError } from '../../api/errors';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import type { KindData } from '../kind';
import { tagSchema } from '../../protocol/tag-schema';
import { ReviewTotals, sentimentLogOdds, WordDocCounts } from './log-odds';
import type { EmbeddingSnapshotInfo } from './meta';
import type { EmbeddingTables } from './tables';
import type { Vocabulary } from './vocabulary-schema';

export const optionalTagSchema = tagSchema.optional();

export interface EmbeddingListResponse {
  runId: string;
  vocabularySize: number;
  hasSentiment: boolean;
  snapshots: EmbeddingSnapshotInfo[];
}

/** Index-aligned with the embedding rows: what the projector labels, sizes and colours points by. */
export interface WordTable {
  words: string[];
  counts: number[];
  logOdds: number[] | null;
}

/** The vocabulary's per-word review counts and totals, or null when it lacks any of them. */
function sentimentOf(v: Vocabulary | null): { positiveDocs: number[]; negativeDocs: number[]; totals: ReviewTotals } | null {
  if (!v?.positiveDocs || !v.negativeDocs || v.positiveReviews === undefined || v.negativeReviews === undefined) return null;
  return {
    positiveDocs: v.positiveDocs,
    negativeDocs: v.negativeDocs,
    totals: { positiveReviews: v.positiveReviews, negativeReviews: v.negativeReviews },
  };
}

export function readEmbeddingList({ store, tables }: KindData<EmbeddingTables>, runId: string): EmbeddingListResponse {
  getRunOrThrow(store, runId);
  const vocabulary = tables.readVocabulary(runId);
  return {
    runId,
    vocabularySize: vocabulary?.words.length ?? 0,
    hasSentiment: sentimentOf(vocabulary) !== null,
    snapshots: tables.snapshots.list(runId),
  };
}

/** The snapshot a request means, its tag defaulting to the run's first; 404 when the run, tag or step is unknown. */
export function findSnapshot({ store, tables }: KindData<EmbeddingTables>, runId: string, tag: string | undefined, step: number): EmbeddingSnapshotInfo {
  getRunOrThrow(store, runId);
  const snapshots = tables.snapshots.list(runId);
  const chosen = tag ?? snapshots[0]?.tag;
  if (chosen === undefined) throw new ApiError('not_found', `run "${runId}" has no embeddings`);
  if (!snapshots.some((s) => s.tag === chosen)) throw new ApiError('not_found', `run "${runId}" has no embedding "${chosen}"`);
  const snapshot = snapshots.find((s) => s.tag === chosen && s.step === step);
  if (!snapshot) throw new ApiError('not_found', `embedding "${chosen}" of run "${runId}" has no snapshot at step ${step}`);
  return snapshot;
}

/** The matrix of a snapshot `findSnapshot` found, read only by the answers that need it. */
export function readMatrix(tables: EmbeddingTables, runId: string, info: EmbeddingSnapshotInfo): Float32Array {
  const snapshot = tables.snapshots.read(runId, info.tag, info.step);
  if (!snapshot) throw new ApiError('not_found', `embedding "${info.tag}" of run "${runId}" has no snapshot at step ${info.step}`);
  return snapshot.matrix;
}

/** Rows past the vocabulary are named `#row`, with no count and neutral log-odds. */
export function wordTable(vocabulary: Vocabulary | null, rows: number): WordTable {
  const words: string[] = [];
  const counts: number[] = [];
  for (let i = 0; i < rows; i++) {
    words.push(vocabulary?.words[i] ?? `#${i}`);
    counts.push(vocabulary?.counts[i] ?? 0);
  }
  const sentiment = sentimentOf(vocabulary);
  if (!sentiment) return { words, counts, logOdds: null };
  const docs: WordDocCounts[] = Array.from({ length: rows }, (_, i) => ({
    positiveDocs: sentiment.positiveDocs[i] ?? 0,
    negativeDocs: sentiment.negativeDocs[i] ?? 0,
  }));
  return { words, counts, logOdds: Array.from(sentimentLogOdds(docs, sentiment.totals)) };
}
