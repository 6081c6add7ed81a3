import { z } from 'zod';
import { ApiError } from '../../api/errors';
import type { KindData } from '../kind';
import { DEFAULT_UMAP_PARAMS, Progress, ProjectionMethod, ProjectionStatus, UmapParams } from './meta';
import { pca2d } from './pca';
import type { ProjectionJobs, ProjectionState } from './projection-jobs';
import type { EmbeddingTables } from './tables';
import { numberParam } from '../../api/params';
import { findSnapshot, optionalTagSchema, readMatrix, WordTable, wordTable } from './reader';

export const projectionQuerySchema = z.object({
  method: z.enum(['umap', 'pca']).default('umap'),
  tag: optionalTagSchema,
  neighbors: numberParam(z.number().int().min(2).max(200)).default(DEFAULT_UMAP_PARAMS.neighbors),
  minDist: numberParam(z.number().min(0).max(1)).default(DEFAULT_UMAP_PARAMS.minDist),
});
export type ProjectionQuery = z.infer<typeof projectionQuerySchema>;

export interface ProjectionResponse extends WordTable {
  tag: string;
  step: number;
  method: ProjectionMethod;
  params: UmapParams;
  status: ProjectionStatus;
  progress: Progress | null;
  error: string | null;
  points: { x: number[]; y: number[] } | null;
}

function points(layout: Float32Array): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < layout.length; i += 2) {
    x.push(layout[i]);
    y.push(layout[i + 1]);
  }
  return { x, y };
}

/**
 * A 2-D layout of one snapshot with its words. PCA is computed here (milliseconds); UMAP comes
 * from the server's queue, which is asked to compute it when it is not cached yet.
 */
export function readProjection(data: KindData<EmbeddingTables>, jobs: ProjectionJobs | null, runId: string, step: number, query: ProjectionQuery): ProjectionResponse {
  const info = findSnapshot(data, runId, query.tag, step);
  const params = { neighbors: query.neighbors, minDist: query.minDist };
  let state: ProjectionState;
  if (query.method === 'pca') {
    state = { status: 'ready', layout: pca2d(readMatrix(data.tables, runId, info), info.rows, info.dim), progress: null, error: null };
  } else {
    if (!jobs) throw new ApiError('internal', 'UMAP layouts are computed by the Tensorlens server, which is not running in this process');
    state = jobs.request(runId, info.tag, step, params);
  }
  return {
    tag: info.tag,
    step,
    method: query.method,
    params,
    status: state.status,
    progress: state.progress,
    error: state.error,
    points: state.layout && points(state.layout),
    ...wordTable(data.tables.readVocabulary(runId), info.rows),
  };
}
