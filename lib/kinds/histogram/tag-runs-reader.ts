import { ApiError } from '../../api/errors';
import type { KindData } from '../kind';
import type { HistogramTagRun } from './meta';
import type { HistogramTable } from './sqlite-table';

export interface HistogramTagRunsResponse {
  tag: string;
  runs: HistogramTagRun[];
}

/** The runs a histogram card can be compared with: every run that recorded the same tensor. */
export function readHistogramTagRuns({ tables }: KindData<HistogramTable>, tag: string): HistogramTagRunsResponse {
  const runs = tables.listRunsWithTag(tag);
  if (runs.length === 0) throw new ApiError('not_found', `no run has histogram tag "${tag}"`);
  return { tag, runs };
}
