import { ApiError } from '../../api/errors';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import type { KindData } from '../kind';
import { OP_GRAPH_VERSION, type OpGraph } from './meta';
import type { OpGraphTable } from './sqlite-table';

export type OpGraphResponse = OpGraph & { runId: string };

/** The run's op graph, or null when it has none or one in a format this server does not read. */
export function findOpGraph({ tables }: KindData<OpGraphTable>, runId: string): OpGraph | null {
  const stored = tables.read(runId);
  return stored?.version === OP_GRAPH_VERSION ? stored.graph : null;
}

/** The run's op graph; not_found when the run is unknown or has none. */
export function readOpGraph(data: KindData<OpGraphTable>, runId: string): OpGraphResponse {
  getRunOrThrow(data.store, runId);
  const graph = findOpGraph(data, runId);
  if (!graph) throw new ApiError('not_found', `run "${runId}" has no op graph`);
  return { runId, ...graph };
}
