import { z } from 'zod';
import { ApiError } from '../../api/errors';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import { numberParam } from '../../api/params';
import { runIdSchema } from '../../protocol/ingest-messages';
import type { KindData } from '../kind';
import { neighborDrift } from './drift';
import { cachedCosineIndex } from './cosine-index-cache';
import type { WordNeighbor } from './read-neighbors';
import { optionalTagSchema } from './reader';
import type { EmbeddingTables } from './tables';

export const driftQuerySchema = z.object({
  word: z.string().min(1).max(200),
  k: numberParam(z.number().int().min(1).max(100)).default(10),
  tag: optionalTagSchema,
  /** Another run to show the same word's neighbours from, side by side. */
  compare: runIdSchema.optional(),
});
export type DriftQuery = z.infer<typeof driftQuerySchema>;

export interface DriftRow {
  step: number;
  epoch: number | null;
  neighbors: WordNeighbor[];
  entered: string[];
  left: string[];
}

export interface RunDrift {
  runId: string;
  runName: string;
  tag: string;
  word: string;
  index: number;
  /** One per snapshot of the tag, by step. */
  rows: DriftRow[];
}

export interface DriftResponse extends RunDrift {
  compare: RunDrift | null;
  /** Runs with embeddings whose vocabulary is this run's, word for word: the ones worth comparing with. */
  sameVocabularyRuns: { id: string; name: string }[];
}

/**
 * The word's top-k neighbours at each snapshot of one run. A tag the run lacks falls back to its
 * first, so that a run compared with another needs no tag of its own.
 */
function runDrift({ store, tables }: KindData<EmbeddingTables>, runId: string, word: string, k: number, tag: string | undefined): RunDrift {
  const run = getRunOrThrow(store, runId);
  const snapshots = tables.snapshots.list(runId);
  const chosen = tag !== undefined && snapshots.some((s) => s.tag === tag) ? tag : snapshots[0]?.tag;
  if (chosen === undefined) throw new ApiError('not_found', `run "${runId}" has no embeddings`);
  const timeline = snapshots.filter((s) => s.tag === chosen);
  const rows = Math.max(...timeline.map((s) => s.rows));
  // By index, as the neighbours route does: a whole 80,000-word vocabulary is not read per request.
  const index = tables.findWord(runId, word, rows);
  if (index < 0) throw new ApiError('not_found', `word "${word}" is not in the vocabulary of run "${run.name}"`);
  // Indexes come from the per-store cache, bounded in size: a word searched after another reads no snapshot again.
  const steps = neighborDrift(
    timeline.filter((s) => index < s.rows).map((s) => ({ step: s.step, epoch: s.epoch, index: cachedCosineIndex(tables, runId, s) })),
    index,
    k,
  );
  const named = [...new Set(steps.flatMap((s) => [...s.neighbors.map((n) => n.index), ...s.entered, ...s.left]))];
  const entries = new Map(tables.wordsAt(runId, named).map((entry, i) => [named[i], entry]));
  const wordOf = (i: number) => entries.get(i)!.word;
  return {
    runId,
    runName: run.name,
    tag: chosen,
    word,
    index,
    rows: steps.map((s) => ({
      step: s.step,
      epoch: s.epoch,
      neighbors: s.neighbors.map(({ index: row, similarity }): WordNeighbor => ({ ...entries.get(row)!, index: row, similarity })),
      entered: s.entered.map(wordOf),
      left: s.left.map(wordOf),
    })),
  };
}

/** How a word's nearest neighbours change from snapshot to snapshot, and in another run beside it. */
export function readDrift(data: KindData<EmbeddingTables>, runId: string, query: DriftQuery): DriftResponse {
  const own = runDrift(data, runId, query.word, query.k, query.tag);
  if (query.tag !== undefined && own.tag !== query.tag) throw new ApiError('not_found', `run "${runId}" has no embedding "${query.tag}"`);
  const compare = query.compare === undefined ? null : runDrift(data, query.compare, query.word, query.k, own.tag);
  const sameVocabularyRuns = data.tables
    .runsWithSameVocabulary(runId)
    .filter((id) => data.tables.snapshots.list(id).length > 0)
    .map((id) => ({ id, name: data.store.getRun(id)?.name ?? id }));
  return { ...own, compare, sameVocabularyRuns };
}
