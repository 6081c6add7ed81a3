import { z } from 'zod';
import { ApiError } from '../../api/errors';
import type { KindData } from '../kind';
import { cachedCosineIndex } from './cosine-index-cache';
import { nearestNeighbors } from './neighbors';
import type { EmbeddingTables } from './tables';
import { numberParam } from '../../api/params';
import { findSnapshot, optionalTagSchema } from './reader';

export const neighborsQuerySchema = z.object({
  word: z.string().min(1).max(200),
  k: numberParam(z.number().int().min(1).max(100)).default(10),
  tag: optionalTagSchema,
});
export type NeighborsQuery = z.infer<typeof neighborsQuerySchema>;

export interface WordNeighbor {
  word: string;
  index: number;
  similarity: number;
  count: number;
  logOdds: number | null;
}

export interface NeighborsResponse {
  tag: string;
  step: number;
  word: string;
  index: number;
  neighbors: WordNeighbor[];
}

/** The k words nearest to `word` by cosine similarity in the snapshot's own (not projected) space. */
export function readNeighbors(data: KindData<EmbeddingTables>, runId: string, step: number, query: NeighborsQuery): NeighborsResponse {
  const info = findSnapshot(data, runId, query.tag, step);
  const index = data.tables.findWord(runId, query.word, info.rows);
  if (index < 0) throw new ApiError('not_found', `word "${query.word}" is not among the ${info.rows} rows of embedding "${info.tag}"`);
  const nearest = nearestNeighbors(cachedCosineIndex(data.tables, runId, info), index, query.k);
  const words = data.tables.wordsAt(runId, nearest.map((n) => n.index));
  const neighbors = nearest.map(({ index: row, similarity }, i) => ({ word: words[i].word, index: row, similarity, count: words[i].count, logOdds: words[i].logOdds }));
  return { tag: info.tag, step, word: query.word, index, neighbors };
}
