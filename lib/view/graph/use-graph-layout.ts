import { useEffect, useState } from 'react';
import type { ELK } from 'elkjs/lib/elk-api';
import type { ModelGraph } from '../../kinds/graph/meta';
import { layoutGraph, type PlacedGraph } from './graph-layout';

let elk: Promise<ELK> | null = null;

/** ELK's bundled build (layout in the page's thread), loaded on first use so other pages never fetch it. */
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk());
  return elk;
}

export interface GraphLayout {
  placed: PlacedGraph | null;
  error: string | null;
}

/** Lays the graph out again whenever it, the open models or the room for stats change; the last request wins. */
export function useGraphLayout(graph: ModelGraph | null, expanded: ReadonlySet<string>, withStats: boolean): GraphLayout {
  const [layout, setLayout] = useState<GraphLayout>({ placed: null, error: null });
  useEffect(() => {
    if (!graph) return;
    let current = true;
    loadElk()
      .then((engine) => layoutGraph(engine, graph, { expanded, withStats }))
      .then((placed) => current && setLayout({ placed, error: null }))
      .catch((e: Error) => current && setLayout({ placed: null, error: e.message }));
    return () => {
      current = false;
    };
  }, [graph, expanded, withStats]);
  return layout;
}
