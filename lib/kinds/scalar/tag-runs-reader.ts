import { z } from 'zod';
import { runIdSchema } from '../../protocol/ingest-messages';
import type { KindData } from '../kind';
import { DEFAULT_MAX_POINTS, MAX_TAG_RUNS } from './meta';
import type { HttpPoint } from './points';
import { toSeriesResponse } from './reader';
import type { ScalarSeries, ScalarTable } from './sqlite-table';

/** `?runs=a,b,c&max_points=N&format=json|f64`: the runs to read one tag of, as TensorBoard's scalars_multirun takes them. */
export const tagRunsQuerySchema = z
  .object({
    runs: z
      .string()
      .transform((list) => [...new Set(list.split(',').filter((id) => id !== ''))])
      .pipe(z.array(runIdSchema).min(1, 'name at least one run').max(MAX_TAG_RUNS, `at most ${MAX_TAG_RUNS} runs`)),
    max_points: z.coerce.number().int().min(2).max(10_000_000).default(DEFAULT_MAX_POINTS),
    format: z.enum(['json', 'f64']).default('json'),
  })
  .transform((q) => ({ runIds: q.runs, maxPoints: q.max_points, format: q.format }));

export interface TagRunSeries {
  count: number;
  downsampled: boolean;
  points: HttpPoint[];
}

export interface ScalarTagRunsResponse {
  tag: string;
  /** By run id; a run that does not exist or did not log the tag is left out. */
  runs: Record<string, TagRunSeries>;
}

/**
 * One tag of many runs, each thinned as the single-series endpoint thins it: a chart comparing
 * fifty runs makes one request instead of fifty. Runs that do not exist or lack the tag are left out.
 */
export function readScalarTagRunPoints({ tables }: KindData<ScalarTable>, tag: string, runIds: readonly string[], maxPoints: number): Map<string, ScalarSeries> {
  const runs = new Map<string, ScalarSeries>();
  for (const runId of runIds) {
    // A run that does not exist has no tags (they go with it), so the tag lookup answers for both.
    const series = tables.read(runId, tag, maxPoints);
    if (series) runs.set(runId, series);
  }
  return runs;
}

/** The same as JSON, with TensorBoard's point order. */
export function readScalarTagRuns(data: KindData<ScalarTable>, tag: string, runIds: readonly string[], maxPoints: number): ScalarTagRunsResponse {
  const runs: Record<string, TagRunSeries> = {};
  for (const [runId, series] of readScalarTagRunPoints(data, tag, runIds, maxPoints)) {
    const { count, downsampled, points } = toSeriesResponse(runId, series);
    runs[runId] = { count, downsampled, points };
  }
  return { tag, runs };
}
