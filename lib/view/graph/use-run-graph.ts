import type { ModelGraph } from '../../kinds/graph/meta';
import { useRunDocument } from '../shared/use-run-document';
import { graphApiUrl } from './api-paths';

export interface RunGraph {
  graph: ModelGraph | null;
  /** Set when asking for the graph failed for another reason than the run not having sent it yet. */
  loadError: string | null;
}

/** The run's model graph, asked for again on the run's pushes until the trainer has sent it. */
export function useRunGraph(runId: string, initial: ModelGraph | null): RunGraph {
  const { document, loadError } = useRunDocument(runId, graphApiUrl(runId), initial);
  return { graph: document, loadError };
}
