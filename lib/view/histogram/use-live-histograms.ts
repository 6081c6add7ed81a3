import type { HistogramSeriesResponse } from '../../kinds/histogram/reader';
import { useLiveTaggedSteps } from '../shared/use-live-tagged-steps';
import { histogramApiUrl, histogramTagsApiUrl } from './api-paths';
import type { HistogramSlice, HistogramSlices } from './histogram-slices';

export interface LiveHistograms {
  slices: HistogramSlices;
  loadError: string | null;
}

/** A run's histograms, tag by tag, live. */
export function useLiveHistograms(runId: string): LiveHistograms {
  const { byTag, loadError } = useLiveTaggedSteps<HistogramSlice, HistogramSeriesResponse>(runId, {
    tagsUrl: histogramTagsApiUrl(runId),
    seriesUrl: (tag) => histogramApiUrl(runId, tag),
    fromSeries: (body) => body.histograms,
    fromPush: (event) => (event.type === 'histograms' ? event.histograms.map((h) => [h.tag, h] as const) : []),
  });
  return { slices: byTag, loadError };
}
