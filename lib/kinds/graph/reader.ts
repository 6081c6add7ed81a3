import { ApiError } from '../../api/errors';
import type { Store } from '../../storage/store';
import { GRAPH_VERSION, type ModelGraph } from './meta';

export type GraphResponse = ModelGraph & { runId: string };

/** The run's model graph, or null when it sent none or one in a format this server does not read. */
export function findGraph(store: Store, runId: string): ModelGraph | null {
  const stored = store.readGraph(runId);
  return stored?.version === GRAPH_VERSION ? stored.graph : null;
}

/** The run's model graph, or not_found when the run is unknown or has no graph this server reads. */
export function readGraph(store: Store, runId: string): GraphResponse {
  if (!store.hasRun(runId)) throw new ApiError('not_found', `run "${runId}" not found`);
  const graph = findGraph(store, runId);
  if (!graph) throw new ApiError('not_found', `run "${runId}" has no model graph`);
  return { runId, ...graph };
}
