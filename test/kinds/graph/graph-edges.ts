import type { ModelGraph } from '../../../lib/kinds/graph/meta';

/** Edges as `source#callSite.tensor -> target#callSite.input`, short enough to list in an assertion. */
export function edgeList(graph: ModelGraph): string[] {
  return graph.edges.map((e) => `${e.source}#${e.sourceCallSite}.${e.sourceTensor} -> ${e.target}#${e.targetCallSite}.${e.targetInput}`);
}

export function nodeIds(graph: ModelGraph): string[] {
  return graph.nodes.map((n) => n.id);
}

export function nodeOf(graph: ModelGraph, id: string): ModelGraph['nodes'][number] {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id} in ${nodeIds(graph).join(', ')}`);
  return node;
}
