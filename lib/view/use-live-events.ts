import { useEffect, useState } from 'react';
import { mergeEvents, type TrainingEvent } from '../kinds/event/meta';
import { eventsApiUrl } from './event-api-paths';
import { fetchJson } from './fetch-json';
import { openLiveSocket } from './live-socket';

export interface LiveEvents {
  /** In step order, one copy of each. */
  events: TrainingEvent[];
  loadError: string | null;
}

/**
 * A run's training events: the stored ones are fetched at each (re)connection, once pushes are
 * flowing so none falls between the fetch and the first push; pushed ones are merged in as they come.
 */
export function useLiveEvents(runId: string): LiveEvents {
  const [events, setEvents] = useState<TrainingEvent[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let fetching: AbortController | null = null;
    const merge = (incoming: readonly TrainingEvent[]) => setEvents((current) => mergeEvents(current, incoming));
    const close = openLiveSocket({
      request: { type: 'subscribe', topic: 'run', runId },
      onStatus: () => undefined,
      onEvent: (event, fresh) => {
        if (fresh) {
          fetching?.abort();
          const mine = (fetching = new AbortController());
          fetchJson<{ events: TrainingEvent[] }>(eventsApiUrl(runId), mine.signal).then(
            (body) => {
              setLoadError(null);
              merge(body.events);
            },
            (e: Error) => {
              if (!mine.signal.aborted) setLoadError(e.message);
            },
          );
        }
        if (event.type === 'events' && event.runId === runId) merge(event.events);
      },
    });
    return () => {
      close();
      fetching?.abort();
    };
  }, [runId]);

  return { events, loadError };
}
