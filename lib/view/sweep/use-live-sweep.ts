import { useState } from 'react';
import type { WireSweep } from '../../kinds/sweep/meta';
import { fetchJson } from '../shared/fetch-json';
import type { LiveStatus } from '../shared/live-socket';
import { useRunPushes } from '../shared/use-run-pushes';
import { sweepApiPath } from './api-paths';

/**
 * One sweep, server-rendered first, then replaced whole by each push of its run (the sweep kind
 * pushes the whole sweep after every stored message) and fetched again on each (re)connection.
 */
export function useLiveSweep(initial: WireSweep): { sweep: WireSweep; status: LiveStatus; error: string | null } {
  const [sweep, setSweep] = useState(initial);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [error, setError] = useState<string | null>(null);
  useRunPushes(
    initial.id,
    (event, resync) => {
      if (resync) {
        fetchJson<WireSweep>(sweepApiPath(initial.id), resync)
          .then(setSweep)
          .catch((e: Error) => resync.aborted || setError(e.message));
      }
      if (event.type === 'sweep') setSweep(event.sweep);
    },
    setStatus,
  );
  return { sweep, status, error };
}
