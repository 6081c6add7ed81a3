import { useState } from 'react';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import type { LiveStatus } from '../shared/live-socket';
import { useRunPushes } from '../shared/use-run-pushes';

export interface LiveRun {
  run: WireRunSummary;
  status: LiveStatus;
  /** The run was deleted while the page was open. */
  deleted: boolean;
}

/** One run's summary, server-rendered first, then kept current by pushes, with the socket's status. */
export function useLiveRun(initial: WireRunSummary): LiveRun {
  const [run, setRun] = useState(initial);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [deleted, setDeleted] = useState(false);
  useRunPushes(
    initial.id,
    (event) => {
      if (event.type === 'run') setRun(event.run);
      else if (event.type === 'run.deleted') setDeleted(true);
    },
    setStatus,
  );
  return { run, status, deleted };
}
