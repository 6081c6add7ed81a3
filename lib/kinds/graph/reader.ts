import { ApiError } from '../../api/errors';
import type { Store } from '../../storage/store';
import { GRAPH_VERSION, type ModelGraph } from './meta';

export type GraphResponse = ModelGraph & { runId: string };

/** The run's model graph, or not_found when the run is unknown or sent none. */
export function readGraph(store: Store, runId: string): GraphResponse {
  if (!store.hasRun(runId)) throw new ApiError('not_found', `run "${runId}" not found`);
  const stored = store.readGraph(runId);
  if (!stored) throw new ApiError('not_found', `run "${runId}" has no model graph`);
  if (stored.version !== GRAPH_VERSION) {
    throw new ApiError('not_found', `run "${runId}" has a graph in format v${stored.version}; this server reads v${GRAPH_VERSION}`);
  }
  return { runId, ...stored.graph };
}
