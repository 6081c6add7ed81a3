import { useEffect, useEffectEvent, useState } from 'react';
import type { WireRunSummary } from '../api/wire-run';
import { openLiveSocket, LiveStatus } from './live-socket';
import { mergeRuns } from './run-list';

/** The run list, server-rendered first, then kept current by pushes alone. */
export function useLiveRuns(initial: WireRunSummary[]): { runs: WireRunSummary[]; status: LiveStatus } {
  const [runs, setRuns] = useState(initial);
  const [status, setStatus] = useState<LiveStatus>('connecting');

  const onStatus = useEffectEvent((next: LiveStatus) => setStatus(next));
  // The server answers each subscription with the whole list, so changes made between the server
  // render (or a dropped socket) and the subscription are caught up without a fetch.
  const onRuns = useEffectEvent((fresh: WireRunSummary[]) => setRuns((held) => mergeRuns(held, fresh)));

  useEffect(
    () =>
      openLiveSocket({
        request: { type: 'subscribe', topic: 'runs' },
        onEvent: (event) => {
          if (event.type === 'runs') onRuns(event.runs);
          else if (event.type === 'run') onRuns([event.run]);
        },
        onStatus,
      }),
    [],
  );

  return { runs, status };
}
