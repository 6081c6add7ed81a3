import { useEffect, useRef, useState } from 'react';
import type { HistogramSeriesResponse } from '../kinds/histogram/reader';
import type { HistogramTagRunsResponse } from '../kinds/histogram/tag-runs-reader';
import type { HistogramTagRun } from '../storage/store';
import { fetchJson } from './fetch-json';
import { histogramApiUrl } from './histogram-api-paths';
import { histogramTagRunsApiUrl } from './histogram-compare-api-path';
import { type HistogramSlice, withBasisPoints } from './histogram-slices';

export interface ComparedHistograms {
  /** Every run that recorded the tensor (the page's own included); null until loaded. */
  available: HistogramTagRun[] | null;
  /** runId → that run's slices of the tensor, for the compared runs loaded so far. */
  slices: Record<string, readonly HistogramSlice[]>;
  /** runId → why its slices could not be loaded. */
  errors: Record<string, string>;
  /** Why the list of runs with the tensor could not be loaded. */
  listError: string | null;
}

/**
 * The compared runs' slices of one tensor, each fetched once when first chosen. Only the page's
 * own run is pushed live (by useLiveHistograms); compared runs are as they were when chosen.
 */
export function useComparedHistograms(tag: string, runIds: readonly string[]): ComparedHistograms {
  const [available, setAvailable] = useState<HistogramTagRun[] | null>(null);
  const [slices, setSlices] = useState<Record<string, readonly HistogramSlice[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [listError, setListError] = useState<string | null>(null);
  const loaded = useRef(new Set<string>());

  const wanted = runIds.join(',');
  // Fetched again when the choice changes: a run chosen elsewhere may have recorded the tensor since.
  useEffect(() => {
    const controller = new AbortController();
    fetchJson<HistogramTagRunsResponse>(histogramTagRunsApiUrl(tag), controller.signal)
      .then((body) => {
        setAvailable(body.runs);
        setListError(null);
      })
      .catch((e: Error) => {
        if (!controller.signal.aborted) setListError(e.message);
      });
    return () => controller.abort();
  }, [tag, wanted]);

  useEffect(() => {
    if (!available) return;
    const controller = new AbortController();
    for (const runId of wanted.split(',')) {
      if (loaded.current.has(runId) || !available.some((r) => r.runId === runId)) continue;
      fetchJson<HistogramSeriesResponse>(histogramApiUrl(runId, tag), controller.signal)
        .then((body) => {
          loaded.current.add(runId);
          setSlices((prev) => ({ ...prev, [runId]: body.histograms.map(withBasisPoints) }));
          setErrors(({ [runId]: _resolved, ...rest }) => rest);
        })
        .catch((e: Error) => {
          if (!controller.signal.aborted) setErrors((prev) => ({ ...prev, [runId]: e.message }));
        });
    }
    return () => controller.abort();
  }, [available, wanted, tag]);

  return { available, slices, errors, listError };
}
