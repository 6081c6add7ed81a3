import { type ActionDispatch, useReducer, useState } from 'react';
import type { EmbeddingSnapshotInfo } from '../../kinds/embedding/meta';
import type { EmbeddingListResponse } from '../../kinds/embedding/reader';
import { fetchJson } from '../shared/fetch-json';
import { embeddingsApiUrl } from './api-paths';
import { type LayoutAction, type Layouts, layoutsReducer, NO_LAYOUTS } from './layouts';
import { useRunPushes } from '../shared/use-run-pushes';

export interface LiveEmbeddings {
  /** Null until the list has been fetched once. */
  snapshots: EmbeddingSnapshotInfo[] | null;
  listError: string | null;
  layouts: Layouts;
  dispatch: ActionDispatch<[LayoutAction]>;
  /** Grows with every (re)connect of the live socket: layouts still pending are asked for again then. */
  generation: number;
}

/** A run's embedding snapshots and the layouts asked for so far, kept current by live pushes (no polling). */
export function useEmbeddings(runId: string): LiveEmbeddings {
  const [snapshots, setSnapshots] = useState<EmbeddingSnapshotInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [layouts, dispatch] = useReducer(layoutsReducer, NO_LAYOUTS);
  const [generation, setGeneration] = useState(0);

  useRunPushes(runId, (event, resync) => {
    if (resync) {
      setListError(null);
      fetchJson<EmbeddingListResponse>(embeddingsApiUrl(runId), resync)
        .then((list) => setSnapshots(list.snapshots))
        .catch((e: Error) => {
          if (!resync.aborted) setListError(e.message);
        });
      dispatch({ type: 'stale' });
      setGeneration((g) => g + 1);
    }
    if (event.type === 'embeddings' && event.runId === runId) setSnapshots(event.snapshots);
    else if (event.type === 'projection' && event.runId === runId) dispatch({ type: 'pushed', event });
  });

  return { snapshots, listError, layouts, dispatch, generation };
}
