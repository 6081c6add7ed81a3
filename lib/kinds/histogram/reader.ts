import { ApiError } from '../../api/errors';
import type { Store } from '../../storage/store';
import { basisPointValues } from './basis-points';
import type { HistogramSnapshot } from './meta';

export type HistogramStepResponse = Omit<HistogramSnapshot, 'tag'> & { basisPoints: number[] };

export interface HistogramSeriesResponse {
  runId: string;
  tag: string;
  histograms: HistogramStepResponse[];
}

/** Every step of one tensor, each with its distribution bands, so every view is drawn from one fetch. */
export function readHistogramSeries(store: Store, runId: string, tag: string): HistogramSeriesResponse {
  if (!store.hasRun(runId)) throw new ApiError('not_found', `run "${runId}" not found`);
  const snapshots = store.readHistograms(runId, tag);
  if (!snapshots) throw new ApiError('not_found', `run "${runId}" has no histogram tag "${tag}"`);
  return {
    runId,
    tag,
    histograms: snapshots.map(({ tag: _tag, ...h }) => ({ ...h, basisPoints: basisPointValues(h) })),
  };
}
