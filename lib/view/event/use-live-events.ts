import { useState } from 'react';
import { mergeEvents, type TrainingEvent } from '../../kinds/event/meta';
import type { EventListResponse } from '../../kinds/event/reader';
import { eventsApiUrl } from './api-paths';
import { fetchJson } from '../shared/fetch-json';
import { useRunPushes } from '../shared/use-run-pushes';

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

  useRunPushes(runId, (event, resync) => {
    if (resync) {
      fetchJson<EventListResponse>(eventsApiUrl(runId), resync).then(
        (body) => {
          setLoadError(null);
          setEvents((current) => mergeEvents(current, body.events));
        },
        (e: Error) => {
          if (!resync.aborted) setLoadError(e.message);
        },
      );
    }
    if (event.type === 'events' && event.runId === runId) setEvents((current) => mergeEvents(current, event.events));
  });

  return { events, loadError };
}
