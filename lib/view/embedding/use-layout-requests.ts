import { type ActionDispatch, useEffect, useRef } from 'react';
import type { ProjectionResponse } from '../../kinds/embedding/read-projection';
import { fetchJson } from '../shared/fetch-json';
import { projectionApiUrl } from './api-paths';
import { type LayoutAction, type LayoutRequest, type Layouts, layoutKey, needsFetch } from './layouts';

/**
 * Fetches each requested layout that is not here yet. A UMAP layout answers 202 until it is
 * computed; the live `projection` push saying "ready" makes it needed again, and it is fetched then.
 */
export function useLayoutRequests(
  runId: string,
  requests: readonly LayoutRequest[],
  layouts: Layouts,
  dispatch: ActionDispatch<[LayoutAction]>,
  generation: number,
): void {
  // Keys being fetched, so a re-render does not ask twice. Answers for a page that has gone are
  // dropped by React, so nothing is aborted.
  const inFlight = useRef(new Set<string>());
  const wanted = requests.filter((r) => needsFetch(layouts.entries[layoutKey(r)]));
  const wantedKeys = wanted.map(layoutKey).join('\t');

  useEffect(() => {
    for (const request of wanted) {
      const key = layoutKey(request);
      if (inFlight.current.has(key)) continue;
      inFlight.current.add(key);
      dispatch({ type: 'requested', key });
      fetchJson<ProjectionResponse>(projectionApiUrl(runId, request.tag, request.step, request.method, request.params))
        .then((projection) => dispatch({ type: 'answered', key, projection }))
        .catch((e: Error) => dispatch({ type: 'fetchFailed', key, message: e.message }))
        .finally(() => inFlight.current.delete(key));
    }
    // `wanted` is fully described by its keys.
  }, [runId, wantedKeys, generation]);
}
