import { useEffect, useEffectEvent, useState } from 'react';
import type { LiveEvent } from '../protocol/live-messages';
import { fetchJson } from './fetch-json';
import { histogramApiUrl, histogramTagsApiUrl } from './histogram-api-paths';
import { type HistogramSlice, type HistogramSlices, mergeSlices, withBasisPoints } from './histogram-slices';
import { openLiveSocket } from './live-socket';

interface TagInfo {
  tag: string;
}

interface TagHistograms {
  histograms: (Omit<HistogramSlice, 'basisPoints'> & { basisPoints?: number[] })[];
}

export interface LiveHistograms {
  slices: HistogramSlices;
  loading: boolean;
  loadError: string | null;
}

/** A run's histograms: each tag fetched once per connection, then appended to by pushes (no polling). */
export function useLiveHistograms(runId: string): LiveHistograms {
  const [slices, setSlices] = useState<HistogramSlices>({});
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);

  const add = (tag: string, incoming: HistogramSlice[]) =>
    setSlices((prev) => ({ ...prev, [tag]: mergeSlices(prev[tag], incoming) }));

  const load = async (signal: AbortSignal) => {
    const tags = await fetchJson<TagInfo[]>(histogramTagsApiUrl(runId), signal);
    await Promise.all(
      tags.map(async ({ tag }) => {
        const body = await fetchJson<TagHistograms>(histogramApiUrl(runId, tag), signal);
        if (!signal.aborted) add(tag, body.histograms.map(withBasisPoints));
      }),
    );
  };

  const onEvent = useEffectEvent((event: LiveEvent, fresh: boolean, loads: AbortController[]) => {
    // As in useLiveRun: the first event of a connection means pushes flow, so a fetch now misses nothing.
    if (fresh) {
      loads.forEach((l) => l.abort());
      const controller = new AbortController();
      loads.splice(0, loads.length, controller);
      setLoadError(null);
      load(controller.signal)
        .catch((e: Error) => {
          if (!controller.signal.aborted) setLoadError(e.message);
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }
    if (event.type !== 'histograms') return;
    const byTag = new Map<string, HistogramSlice[]>();
    for (const h of event.histograms) byTag.set(h.tag, [...(byTag.get(h.tag) ?? []), withBasisPoints(h)]);
    setSlices((prev) => {
      const next = { ...prev };
      for (const [tag, incoming] of byTag) next[tag] = mergeSlices(prev[tag], incoming);
      return next;
    });
  });

  useEffect(() => {
    const loads: AbortController[] = [];
    const close = openLiveSocket({
      request: { type: 'subscribe', topic: 'run', runId },
      onEvent: (event, fresh) => onEvent(event, fresh, loads),
      onStatus: () => {},
    });
    return () => {
      close();
      loads.forEach((l) => l.abort());
    };
  }, [runId]);

  return { slices, loading, loadError };
}
