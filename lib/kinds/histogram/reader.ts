import { getRunOrThrow } from '../../api/get-run-or-throw';
import { getTagOrThrow } from '../../api/get-tag-or-throw';
import type { KindData } from '../kind';
import { withBasisPoints } from './basis-points';
import { HISTOGRAM_KIND, type HistogramSnapshot, type HistogramTagInfo } from './meta';
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
  const snapshots = getTagOrThrow(store, runId, HISTOGRAM_KIND, tag, () => tables.read(runId, tag));
  return { runId, tag, histograms: snapshots.map(({ tag: _tag, ...h }) => withBasisPoints(h)) };
}
