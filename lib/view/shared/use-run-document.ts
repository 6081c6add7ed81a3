import { useEffect, useState } from 'react';
import { fetchJsonOrNull } from './fetch-json';
import { subscribeRun } from './run-channel';

export interface RunDocument<T> {
  document: T | null;
  /** Set when asking failed for another reason than the run not having sent it yet. */
  loadError: string | null;
}

/**
 * Something a run sends once (its model graph, its op graph), rendered with the page when it was
 * stored by then. Otherwise the run may still be starting: every push about the run is a cue to
 * ask `url` again (404 means not yet), until it is there.
 */
export function useRunDocument<T>(runId: string, url: string, initial: T | null): RunDocument<T> {
  const [document, setDocument] = useState(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const waiting = document === null;

  useEffect(() => {
    if (!waiting) return;
    const controller = new AbortController();
    let asking = false;
    // A push during a request may mean the document arrived after the server answered it.
    let askAgain = false;
    const ask = () => {
      if (asking) {
        askAgain = true;
        return;
      }
      asking = true;
      askAgain = false;
      fetchJsonOrNull<T>(url, controller.signal)
        .then((found) => {
          setLoadError(null);
          if (found) setDocument(found);
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
  }, [runId, url, waiting]);

  return { document, loadError };
}
