import type { WireScalarTagInfo } from '../../kinds/scalar/reader';
import { DEFAULT_MAX_POINTS } from '../../kinds/scalar/meta';
import type { HttpPoint, ScalarPoint } from '../../kinds/scalar/points';
import type { ScalarSeriesResponse } from '../../kinds/scalar/reader';
import { decodeNumber } from '../../protocol/wire-number';
import { scalarTagsApiUrl, seriesApiUrl } from './api-paths';
import { fetchJson } from '../shared/fetch-json';
import type { SeriesStore } from './series-store';

/** The HTTP API keeps TensorBoard's order and seconds (HttpPoint); the browser holds ScalarPoints. */
export function fromHttpPoints(points: readonly HttpPoint[]): ScalarPoint[] {
  return points.map(([wallSeconds, step, value]): ScalarPoint => [step, wallSeconds * 1000, decodeNumber(value)]);
}

/**
 * Fetches every stored series of a run into the store. Call it only once the live
 * subscription is in place: anything stored after that arrives by push instead.
 */
export async function loadSeries(runId: string, store: SeriesStore, signal: AbortSignal): Promise<void> {
  store.beginLoad();
  try {
    const tags = await fetchJson<WireScalarTagInfo[]>(scalarTagsApiUrl(runId), signal);
    // allSettled: every tag gets loaded before endLoad, even when one of them fails.
    const results = await Promise.allSettled(
      tags.map(async ({ tag }) => {
        const series = await fetchJson<ScalarSeriesResponse>(seriesApiUrl(runId, tag, DEFAULT_MAX_POINTS), signal);
        if (signal.aborted) return;
        store.load(tag, fromHttpPoints(series.points));
      }),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    if (!signal.aborted) store.endLoad();
  }
}
