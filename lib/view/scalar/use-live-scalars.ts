import { useState } from 'react';
import { decodeNumber } from '../../protocol/wire-number';
import { useRunPushes } from '../shared/use-run-pushes';
import { loadSeries } from './load-series';
import { SeriesStore } from './series-store';

export interface LiveScalars {
  store: SeriesStore;
  /** True until the stored series have been fetched once. */
  loading: boolean;
  /** Set when the stored series could not be fetched; pushed points still arrive. */
  loadError: string | null;
}

/** All series of one run: fetched once per connection, then appended to by pushes. */
export function useLiveScalars(runId: string, initialTags: readonly string[]): LiveScalars {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [store] = useState(() => new SeriesStore(initialTags));

  // The server answers a subscription with the run first, so the first event of a connection
  // means pushes are flowing: only now can a fetch miss nothing.
  useRunPushes(runId, (event, resync) => {
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
    if (event.type === 'scalars') {
      store.add(event.points.map(([tag, step, wallTime, value]) => [tag, [step, wallTime, decodeNumber(value)]]));
    }
  });

  return { store, loading, loadError };
}
