import { useMemo } from 'react';
import type { ModelGraph } from '../../kinds/graph/meta';
import type { OpGraph } from '../../kinds/op-graph/meta';
import { useRunDocument } from '../shared/use-run-document';
import { opGraphApiUrl } from './api-paths';
import { opGraphModel } from './op-graph-model';

export interface RunOpGraph {
  /** The ops grouped by name scope, ready for the graph drawing; null while the run has none. */
  graph: ModelGraph | null;
  opCount: number;
  loadError: string | null;
}

/** The run's op graph, asked for again on the run's pushes until it has one. */
export function useRunOpGraph(runId: string, initial: OpGraph | null): RunOpGraph {
  const { document, loadError } = useRunDocument(runId, opGraphApiUrl(runId), initial);
  const graph = useMemo(() => (document ? opGraphModel(document) : null), [document]);
  return { graph, opCount: document?.nodes.length ?? 0, loadError };
}
