import { z } from 'zod';
import { ApiError } from '../../api/errors';
import type { HistogramTagRun, Store } from '../../storage/store';
import { tagSchema } from '../scalar/schema';

/** The tensor arrives as path segments; joined, it must be a tag the trainer could have sent. */
export const histogramTagParamsSchema = z.object({
  tag: z
    .array(z.string())
    .min(1)
    .transform((segments) => segments.join('/'))
    .pipe(tagSchema),
});

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
