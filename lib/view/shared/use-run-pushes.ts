import { useEffect, useEffectEvent } from 'react';
import type { LiveEvent } from '../../app-context';
import type { LiveStatus } from './live-socket';
import { subscribeRun } from './run-channel';

/**
 * Subscribes to one run's live pushes. The first event of each connection comes with a `resync`
 * signal: pushes flow from then on, so it is the moment to fetch what is stored, and the signal
 * aborts that fetch when a reconnect starts a newer one or the subscription ends.
 */
export function subscribeRunPushes(
  runId: string,
  onEvent: (event: LiveEvent, resync: AbortSignal | null) => void,
  onStatus: (status: LiveStatus) => void = () => {},
): () => void {
  let load: AbortController | null = null;
  const unsubscribe = subscribeRun(runId, {
    onEvent: (event, fresh) => {
      if (fresh) {
        load?.abort();
        load = new AbortController();
      }
      onEvent(event, fresh ? load!.signal : null);
    },
    onStatus,
  });
  return () => {
    unsubscribe();
    load?.abort();
  };
}

/** subscribeRunPushes for a component, for as long as it shows `runId`. */
export function useRunPushes(
  runId: string,
  onEvent: (event: LiveEvent, resync: AbortSignal | null) => void,
  onStatus: (status: LiveStatus) => void = () => {},
): void {
  const handleEvent = useEffectEvent(onEvent);
  const handleStatus = useEffectEvent(onStatus);

  useEffect(() => subscribeRunPushes(runId, (event, resync) => handleEvent(event, resync), (status) => handleStatus(status)), [runId]);
}
