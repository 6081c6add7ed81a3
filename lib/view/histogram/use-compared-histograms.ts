import { useEffect, useState } from 'react';
import type { HistogramSeriesResponse } from '../../kinds/histogram/reader';
import type { HistogramTagRunsResponse } from '../../kinds/histogram/tag-runs-reader';
import type { HistogramTagRun } from '../../kinds/histogram/meta';
import { fetchJson } from '../shared/fetch-json';
import { histogramApiUrl, histogramTagRunsApiUrl } from './api-paths';
import { mergeByStep } from '../shared/merge-by-step';
import type { HistogramSlice } from './histogram-slices';
import { subscribeRunPushes } from '../shared/use-run-pushes';

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

/** The compared runs' slices of one tensor, fetched when chosen and then appended to by pushes. */
export function useComparedHistograms(tag: string, runIds: readonly string[]): ComparedHistograms {
  const [available, setAvailable] = useState<HistogramTagRun[] | null>(null);
  const [slices, setSlices] = useState<Record<string, readonly HistogramSlice[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [listError, setListError] = useState<string | null>(null);

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

  // Compared runs stay live like the page's own: one shared subscription per run, and each
  // (re)connection refetches the tensor, since pushes missed while away are lost.
  useEffect(() => {
    const unsubscribes = wanted
      .split(',')
      .filter(Boolean)
      .map((runId) =>
        subscribeRunPushes(runId, (event, resync) => {
          if (resync) {
            fetchJson<HistogramSeriesResponse>(histogramApiUrl(runId, tag), resync)
              .then((body) => {
                setSlices((prev) => ({ ...prev, [runId]: mergeByStep(prev[runId], body.histograms) }));
                setErrors(({ [runId]: _resolved, ...rest }) => rest);
              })
              .catch((e: Error) => {
                if (!resync.aborted) setErrors((prev) => ({ ...prev, [runId]: e.message }));
              });
          }
          if (event.type !== 'histograms') return;
          const incoming = event.histograms.filter((h) => h.tag === tag);
          if (incoming.length > 0) setSlices((prev) => ({ ...prev, [runId]: mergeByStep(prev[runId], incoming) }));
        }),
      );
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [wanted, tag]);

  return { available, slices, errors, listError };
}
