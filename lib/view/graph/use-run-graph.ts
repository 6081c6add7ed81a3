import { useEffect, useState } from 'react';
import type { ModelGraph } from '../../kinds/graph/meta';
import { fetchJsonOrNull } from '../shared/fetch-json';
import { graphApiUrl } from './api-paths';
import { subscribeRun } from '../shared/run-channel';

export interface RunGraph {
  graph: ModelGraph | null;
  /** Set when asking for the graph failed for another reason than the run not having sent it yet. */
  loadError: string | null;
}

/** Null while the run has sent no graph (404); other failures carry the API's message. */
function askGraph(runId: string, signal: AbortSignal): Promise<ModelGraph | null> {
  return fetchJsonOrNull<ModelGraph>(graphApiUrl(runId), signal);
}

/**
 * The run's graph, rendered with the page when it was stored by then. Otherwise the trainer may
 * still be starting: every push about the run is a cue to ask again, until the graph is there.
 */
export function useRunGraph(runId: string, initial: ModelGraph | null): RunGraph {
  const [graph, setGraph] = useState(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const waiting = graph === null;

  useEffect(() => {
    if (!waiting) return;
    const controller = new AbortController();
    let asking = false;
    // A push during a request may mean the graph arrived after the server answered it.
    let askAgain = false;
    const ask = () => {
      if (asking) {
        askAgain = true;
        return;
      }
      asking = true;
      askAgain = false;
      askGraph(runId, controller.signal)
        .then((found) => {
          setLoadError(null);
          if (found) setGraph(found);
        })
        .catch((e: Error) => {
          if (!controller.signal.aborted) setLoadError(e.message);
        })
        .finally(() => {
          asking = false;
          if (askAgain && !controller.signal.aborted) ask();
        });
    };
    const close = subscribeRun(runId, { onEvent: ask, onStatus: () => {} });
    return () => {
      close();
      controller.abort();
    };
  }, [runId, waiting]);

  return { graph, loadError };
}
