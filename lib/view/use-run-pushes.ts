import { useEffect, useEffectEvent } from 'react';
import type { LiveEvent } from '../protocol/live-messages';
import type { LiveStatus } from './live-socket';
import { subscribeRun } from './run-channel';

/**
 * Subscribes to one run's live pushes. The first event of each connection comes with a `resync`
 * signal: pushes flow from then on, so it is the moment to fetch what is stored, and the signal
 * aborts that fetch when a reconnect starts a newer one or the page goes away.
 */
export function useRunPushes(
  runId: string,
  onEvent: (event: LiveEvent, resync: AbortSignal | null) => void,
  onStatus: (status: LiveStatus) => void = () => {},
): void {
  const handleEvent = useEffectEvent(onEvent);
  const handleStatus = useEffectEvent(onStatus);

  useEffect(() => {
    let load: AbortController | null = null;
    const unsubscribe = subscribeRun(runId, {
      onEvent: (event, fresh) => {
        if (fresh) {
          load?.abort();
          load = new AbortController();
        }
        handleEvent(event, fresh ? load!.signal : null);
      },
      onStatus: (status) => handleStatus(status),
    });
    return () => {
      unsubscribe();
      load?.abort();
    };
  }, [runId]);
}
