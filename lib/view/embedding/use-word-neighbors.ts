import { useEffect, useState } from 'react';
import type { NeighborsResponse, WordNeighbor } from '../../kinds/embedding/read-neighbors';
import { fetchJson } from '../shared/fetch-json';
import { neighborsApiUrl } from './api-paths';

export interface WordNeighbors {
  neighbors: WordNeighbor[] | null;
  loading: boolean;
  error: string | null;
}

export const NEIGHBOR_COUNT = 10;

/** The selected word's nearest neighbours by cosine similarity in the snapshot's own space. */
export function useWordNeighbors(runId: string, tag: string | null, step: number | null, word: string | null): WordNeighbors {
  const [answer, setAnswer] = useState<{ key: string; neighbors: WordNeighbor[] | null; error: string | null } | null>(null);
  const key = tag !== null && step !== null && word !== null ? JSON.stringify([tag, step, word]) : null;

  useEffect(() => {
    if (tag === null || step === null || word === null) return;
    const controller = new AbortController();
    fetchJson<NeighborsResponse>(neighborsApiUrl(runId, tag, step, word, NEIGHBOR_COUNT), controller.signal)
      .then((body) => setAnswer({ key: key!, neighbors: body.neighbors, error: null }))
      .catch((e: Error) => {
        if (!controller.signal.aborted) setAnswer({ key: key!, neighbors: null, error: e.message });
      });
    return () => controller.abort();
  }, [runId, key]);

  if (key === null) return { neighbors: null, loading: false, error: null };
  if (answer?.key !== key) return { neighbors: null, loading: true, error: null };
  return { neighbors: answer.neighbors, loading: false, error: answer.error };
}
