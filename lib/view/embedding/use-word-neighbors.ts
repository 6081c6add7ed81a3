import type { NeighborsResponse, WordNeighbor } from '../../kinds/embedding/read-neighbors';
import { neighborsApiUrl } from './api-paths';
import { useKeyedJson } from './use-keyed-json';

export interface WordNeighbors {
  neighbors: WordNeighbor[] | null;
  loading: boolean;
  error: string | null;
}

export const NEIGHBOR_COUNT = 10;

/** The selected word's nearest neighbours by cosine similarity in the snapshot's own space. */
export function useWordNeighbors(runId: string, tag: string | null, step: number | null, word: string | null): WordNeighbors {
  const url = tag !== null && step !== null && word !== null ? neighborsApiUrl(runId, tag, step, word, NEIGHBOR_COUNT) : null;
  const { body, loading, error } = useKeyedJson<NeighborsResponse>(url);
  return { neighbors: body?.neighbors ?? null, loading, error };
}
