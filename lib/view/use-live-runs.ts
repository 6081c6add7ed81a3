import { useEffect, useEffectEvent, useState } from 'react';
import type { WireRunSummary } from '../api/wire-run';
import { fetchJson } from './fetch-json';
import { openLiveSocket, LiveStatus } from './live-socket';
import { runsApiUrl } from './api-paths';
import { mergeRuns } from './run-list';

/** The run list, server-rendered first, then kept current by pushes alone. */
export function useLiveRuns(initial: WireRunSummary[]): { runs: WireRunSummary[]; status: LiveStatus } {
  const [runs, setRuns] = useState(initial);
  const [status, setStatus] = useState<LiveStatus>('connecting');

  const onStatus = useEffectEvent((next: LiveStatus) => {
    setStatus(next);
    // Changes between the server render (or a dropped socket) and this subscription were never pushed.
    if (next === 'live') {
      fetchJson<WireRunSummary[]>(runsApiUrl())
        .then((fetched) => setRuns((held) => mergeRuns(held, fetched)))
        .catch((e: Error) => console.warn(`[tensorlens] could not refresh the run list: ${e.message}`));
    }
  });
  const onRun = useEffectEvent((run: WireRunSummary) => setRuns((held) => mergeRuns(held, [run])));

  useEffect(
    () =>
      openLiveSocket({
        request: { type: 'subscribe', topic: 'runs' },
        onEvent: (event) => {
          if (event.type === 'run') onRun(event.run);
        },
        onStatus,
      }),
    [],
  );

  return { runs, status };
}
