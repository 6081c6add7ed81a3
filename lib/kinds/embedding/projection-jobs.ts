import type { Progress, UmapParams } from './meta';

/** Where one UMAP layout stands, as the projection route answers it. */
export type ProjectionState =
  | { status: 'ready'; layout: Float32Array; progress: null; error: null }
  | { status: 'queued' | 'running'; layout: null; progress: Progress | null; error: null }
  | { status: 'failed'; layout: null; progress: null; error: string };

/**
 * What route handlers and ingest may ask of the server's projection service (projection-service.ts).
 * The server passes it to ingest like the live hub, and to route handlers through the app context.
 */
export interface ProjectionJobs {
  /** A snapshot just completed: queue its layout with the default parameters. */
  snapshotCompleted(runId: string, tag: string, step: number): void;
  /** The layout's state; one neither cached nor queued is queued ahead of background work. */
  request(runId: string, tag: string, step: number, params: UmapParams): ProjectionState;
}
