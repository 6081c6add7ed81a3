import { useState } from 'react';
import type { WireRunSummary } from '../api/wire-run';
import { decodeNumber } from '../protocol/wire-number';
import type { LiveStatus } from './shared/live-socket';
import { loadSeries } from './load-series';
import { SeriesStore } from './series-store';
import { useRunPushes } from './shared/use-run-pushes';

export interface LiveRun {
  run: WireRunSummary;
  status: LiveStatus;
  store: SeriesStore;
  /** True until the stored series have been fetched once. */
  loading: boolean;
  /** Set when the stored series could not be fetched; pushed points still arrive. */
  loadError: string | null;
}

/** One run and all its series: fetched once per connection, then appended to by pushes. */
export function useLiveRun(initial: WireRunSummary, initialTags: readonly string[]): LiveRun {
  const [run, setRun] = useState(initial);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [store] = useState(() => new SeriesStore(initialTags));
  const runId = initial.id;

  // The server answers a subscription with the run first, so the first event of a connection
  // means pushes are flowing: only now can a fetch miss nothing.
  useRunPushes(
    runId,
    (event, resync) => {
      if (resync) {
        setLoadError(null);
        loadSeries(runId, store, resync)
          .catch((e: Error) => {
            if (!resync.aborted) setLoadError(e.message);
          })
          .finally(() => {
            if (!resync.aborted) setLoading(false);
          });
      }
      if (event.type === 'run') setRun(event.run);
      else if (event.type === 'scalars') {
        store.add(event.points.map(([tag, step, wallTime, value]) => [tag, [step, decodeNumber(value), wallTime]]));
      }
    },
    setStatus,
  );

  return { run, status, store, loading, loadError };
}
