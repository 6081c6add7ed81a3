import { useEffect, useState } from 'react';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { openLiveSocket, LiveStatus } from '../shared/live-socket';
import { mergeRuns, replaceRuns } from './run-list';

/** The run list, server-rendered first, then kept current by pushes alone. */
export function useLiveRuns(initial: readonly WireRunSummary[]): { runs: readonly WireRunSummary[]; status: LiveStatus } {
  const [runs, setRuns] = useState(initial);
  const [status, setStatus] = useState<LiveStatus>('connecting');

  // The server answers each subscription with the whole list, so changes made between the server
  // render (or a dropped socket) and the subscription are caught up without a fetch. The handlers
  // only call state setters, which never change, so the effect needs no event wrappers.
  useEffect(
    () =>
      openLiveSocket({
        request: { type: 'subscribe', topic: 'runs' },
        onEvent: (event) => {
          if (event.type === 'runs') setRuns((held) => replaceRuns(held, event.runs));
          else if (event.type === 'run') setRuns((held) => mergeRuns(held, [event.run]));
          else if (event.type === 'run.deleted') setRuns((held) => held.filter((run) => run.id !== event.runId));
        },
        onStatus: setStatus,
      }),
    [],
  );

  return { runs, status };
}
