import { z } from 'zod';
import { ApiError } from '../../api/errors';
import type { HistogramTagRun, Store } from '../../storage/store';
import { tagPathSchema } from '../../api/params';

export const histogramTagParamsSchema = z.object({ tag: tagPathSchema });

export interface HistogramTagRunsResponse {
  tag: string;
  runs: HistogramTagRun[];
}

/** The runs a histogram card can be compared with: every run that recorded the same tensor. */
export function readHistogramTagRuns(store: Store, tag: string): HistogramTagRunsResponse {
  const runs = store.listHistogramTagRuns(tag);
  if (runs.length === 0) throw new ApiError('not_found', `no run has histogram tag "${tag}"`);
  return { tag, runs };
}
