import { ApiError } from '../../api/errors';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import type { KindData } from '../kind';
import { withBasisPoints } from './basis-points';
import type { HistogramSnapshot, HistogramTagInfo } from './meta';
import type { HistogramTable } from './sqlite-table';

export type HistogramStepResponse = Omit<HistogramSnapshot, 'tag'> & { basisPoints: number[] };

export interface HistogramSeriesResponse {
  runId: string;
  tag: string;
  histograms: HistogramStepResponse[];
}

/** The run's histogram tags (tensors) with their step ranges. */
export function readHistogramTags({ store, tables }: KindData<HistogramTable>, runId: string): HistogramTagInfo[] {
  getRunOrThrow(store, runId);
  return tables.listTags(runId);
}

/** Every step of one tensor, each with its distribution bands, so every view is drawn from one fetch. */
export function readHistogramSeries({ store, tables }: KindData<HistogramTable>, runId: string, tag: string): HistogramSeriesResponse {
  getRunOrThrow(store, runId);
  const snapshots = tables.read(runId, tag);
  if (!snapshots) throw new ApiError('not_found', `run "${runId}" has no histogram tag "${tag}"`);
  return { runId, tag, histograms: snapshots.map(({ tag: _tag, ...h }) => withBasisPoints(h)) };
}
