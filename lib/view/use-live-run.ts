import { useEffect, useEffectEvent, useState } from 'react';
import type { WireRunSummary } from '../api/wire-run';
import type { LiveEvent } from '../protocol/live-messages';
import { decodeNumber } from '../protocol/wire-number';
import { openLiveSocket, LiveStatus } from './live-socket';
import { loadSeries } from './load-series';
import { SeriesStore } from './series-store';

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

  const onEvent = useEffectEvent((event: LiveEvent, fresh: boolean, loads: AbortController[]) => {
    // The server answers a subscription with the run first, so the first event of a connection
    // means pushes are flowing: only now can a fetch miss nothing.
    if (fresh) {
      loads.forEach((load) => load.abort());
      const load = new AbortController();
      loads.splice(0, loads.length, load);
      setLoadError(null);
      loadSeries(runId, store, load.signal)
        .catch((e: Error) => {
          if (!load.signal.aborted) setLoadError(e.message);
        })
        .finally(() => {
          if (!load.signal.aborted) setLoading(false);
        });
    }
    if (event.type === 'run') setRun(event.run);
    else if (event.type === 'scalars') {
      store.add(event.points.map(([tag, step, wallTime, value]) => [tag, [step, decodeNumber(value), wallTime]]));
    }
  });

  useEffect(() => {
    const loads: AbortController[] = [];
    const close = openLiveSocket({
      request: { type: 'subscribe', topic: 'run', runId },
      onEvent: (event, fresh) => onEvent(event, fresh, loads),
      onStatus: setStatus,
    });
    return () => {
      close();
      loads.forEach((load) => load.abort());
    };
  }, [runId]);

  return { run, status, store, loading, loadError };
}
