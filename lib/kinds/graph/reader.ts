import { ApiError } from '../../api/errors';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import type { KindData } from '../kind';
import { GRAPH_VERSION, type ModelGraph } from './meta';
import type { GraphTable } from './sqlite-table';

export type GraphResponse = ModelGraph & { runId: string };

/** The run's model graph, or null when it sent none or one in a format this server does not read. */
export function findGraph({ tables }: KindData<GraphTable>, runId: string): ModelGraph | null {
  const stored = tables.read(runId);
  return stored?.version === GRAPH_VERSION ? stored.graph : null;
}

/** The run's model graph, or not_found when the run is unknown or has no graph this server reads. */
export function readGraph(data: KindData<GraphTable>, runId: string): GraphResponse {
  getRunOrThrow(data.store, runId);
  const graph = findGraph(data, runId);
  if (!graph) throw new ApiError('not_found', `run "${runId}" has no model graph`);
  return { runId, ...graph };
}
