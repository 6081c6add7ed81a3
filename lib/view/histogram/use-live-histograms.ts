import { useState } from 'react';
import type { HistogramSeriesResponse } from '../../kinds/histogram/reader';
import { fetchJson } from '../shared/fetch-json';
import { histogramApiUrl, histogramTagsApiUrl } from './api-paths';
import { type HistogramSlice, type HistogramSlices, mergeSlices, withBasisPoints } from './histogram-slices';
import { useRunPushes } from '../shared/use-run-pushes';

interface TagInfo {
  tag: string;
}

export interface LiveHistograms {
  slices: HistogramSlices;
  loadError: string | null;
}

/** A run's histograms: each tag fetched once per connection, then appended to by pushes (no polling). */
export function useLiveHistograms(runId: string): LiveHistograms {
  const [slices, setSlices] = useState<HistogramSlices>({});
  const [loadError, setLoadError] = useState<string | null>(null);

  const add = (tag: string, incoming: HistogramSlice[]) =>
    setSlices((prev) => ({ ...prev, [tag]: mergeSlices(prev[tag], incoming) }));

  const load = async (signal: AbortSignal) => {
    const tags = await fetchJson<TagInfo[]>(histogramTagsApiUrl(runId), signal);
    await Promise.all(
      tags.map(async ({ tag }) => {
        const body = await fetchJson<HistogramSeriesResponse>(histogramApiUrl(runId, tag), signal);
        if (!signal.aborted) add(tag, body.histograms.map(withBasisPoints));
      }),
    );
  };

  // As in useLiveScalars: the first event of a connection means pushes flow, so a fetch now misses nothing.
  useRunPushes(runId, (event, resync) => {
    if (resync) {
      setLoadError(null);
      load(resync).catch((e: Error) => {
        if (!resync.aborted) setLoadError(e.message);
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

  return { slices, loadError };
}
