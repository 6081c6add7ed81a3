import { type ActionDispatch, useEffect, useRef, useState } from 'react';
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
  // A "ready" push that lands while that layout's 202 is on its way finds it in flight; once the
  // fetch settles the effect runs again and asks for the points.
  const [settledFetches, setSettledFetches] = useState(0);
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
        .finally(() => {
          inFlight.current.delete(key);
          setSettledFetches((n) => n + 1);
        });
    }
    // `wanted` is fully described by its keys.
  }, [runId, wantedKeys, generation, settledFetches]);
}
