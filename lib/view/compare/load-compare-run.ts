import type { ScalarSeriesResponse, WireScalarTagInfo } from '../../kinds/scalar/reader';
import { scalarTagsApiUrl, seriesApiUrl } from '../scalar/api-paths';
import { fromHttpPoints } from '../scalar/load-series';
import type { SeriesStore } from '../scalar/series-store';
import { fetchJson } from '../shared/fetch-json';
import type { RequestQueue } from './request-queue';
import { FIRST_READ_POINTS, SMOOTHING_POINTS } from './resolution';

/** Queue priorities: a zoom first, then every run's first read, then the reads smoothing works on. */
export const PRIORITY = { zoom: 0, first: 1, smoothing: 2 } as const;

export interface LoadTarget {
  runId: string;
  store: SeriesStore;
  queue: RequestQueue;
  /** Called once a tag holds the series smoothing works on (the whole series, or SMOOTHING_POINTS of it). */
  onSmoothingReady: (tag: string) => void;
}

async function readInto(target: LoadTarget, tags: readonly WireScalarTagInfo[], maxPoints: number, priority: number, signal: AbortSignal): Promise<void> {
  const { runId, store, queue } = target;
  store.beginLoad();
  try {
    const results = await Promise.allSettled(
      tags.map(({ tag }) =>
        queue.run(priority, async () => {
          if (signal.aborted) return;
          const series = await fetchJson<ScalarSeriesResponse>(seriesApiUrl(runId, tag, maxPoints), signal);
          if (signal.aborted) return;
          if (series.count <= maxPoints || maxPoints === SMOOTHING_POINTS) target.onSmoothingReady(tag);
          store.load(tag, fromHttpPoints(series.points));
        }),
      ),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed && !signal.aborted) throw failed.reason;
  } finally {
    if (!signal.aborted) store.endLoad();
  }
}

/**
 * Fetches one run's stored series in two passes: a coarse one, so that every run is drawn at once,
 * then again at the resolution smoothing works on, for the tags the first pass had to thin. Call it
 * once the run's live subscription is in place (or for a run that no longer changes).
 */
export async function loadCompareRun(target: LoadTarget, signal: AbortSignal): Promise<void> {
  const tags = await target.queue.run(PRIORITY.first, () => fetchJson<WireScalarTagInfo[]>(scalarTagsApiUrl(target.runId), signal));
  await readInto(target, tags, FIRST_READ_POINTS, PRIORITY.first, signal);
  const thinned = tags.filter((info) => info.count > FIRST_READ_POINTS);
  if (thinned.length > 0 && !signal.aborted) await readInto(target, thinned, SMOOTHING_POINTS, PRIORITY.smoothing, signal);
}
