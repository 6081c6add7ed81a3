import type { DriftResponse } from '../../kinds/embedding/read-drift';
import { driftApiUrl } from './api-paths';
import { useKeyedJson } from './use-keyed-json';
import { NEIGHBOR_COUNT } from './use-word-neighbors';

export interface WordDrift {
  drift: DriftResponse | null;
  loading: boolean;
  error: string | null;
}

/**
 * The selected word's neighbours at every snapshot, and in `compare` beside them. Asked again when
 * a snapshot is added (`snapshots` grows), since the table has a row per snapshot.
 */
export function useWordDrift(runId: string, tag: string | null, word: string | null, compare: string | null, snapshots: number): WordDrift {
  // The fragment is never sent: it only makes a grown snapshot count a new key, so the table is read again.
  const url = tag !== null && word !== null ? `${driftApiUrl(runId, tag, word, NEIGHBOR_COUNT, compare)}#${snapshots}` : null;
  const { body, loading, error } = useKeyedJson<DriftResponse>(url);
  return { drift: body, loading, error };
}
