import type { Progress, UmapParams } from './meta';

/** Where one UMAP layout stands, as the projection route answers it. */
export type ProjectionState =
  | { status: 'ready'; layout: Float32Array; progress: null; error: null }
  | { status: 'queued' | 'running'; layout: null; progress: Progress | null; error: null }
  | { status: 'failed'; layout: null; progress: null; error: string };

/** What route handlers and ingest may ask of the server's projection service. */
export interface ProjectionJobs {
  /** A snapshot just completed: queue its layout with the default parameters. */
  snapshotCompleted(runId: string, tag: string, step: number): void;
  /** The layout's state; one neither cached nor queued is queued ahead of background work. */
  request(runId: string, tag: string, step: number, params: UmapParams): ProjectionState;
}

const REGISTRY_KEY = Symbol.for('tensorlens.projections');

/**
 * One service per database per process, kept on globalThis for the reason openStore is: Next
 * bundles route handlers apart from the custom server, yet both must reach the same queue.
 * Only the server creates the service, since its UMAP worker lives beside the server's files.
 */
function registry(): Map<string, ProjectionJobs> {
  return ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] ??= new Map<string, ProjectionJobs>()) as Map<string, ProjectionJobs>;
}

export function registerProjections(dbPath: string, jobs: ProjectionJobs): void {
  registry().set(dbPath, jobs);
}

export function unregisterProjections(dbPath: string, jobs: ProjectionJobs): void {
  if (registry().get(dbPath) === jobs) registry().delete(dbPath);
}

export function projectionsFor(dbPath: string): ProjectionJobs | undefined {
  return registry().get(dbPath);
}
