import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdge, GraphNode, ModelGraph } from '../../kinds/graph/meta';
import { CHAR_WIDTH, LINE_HEIGHT, headerHeight, nodeBox } from './graph-labels';

/** Joins a nested layer's id to its model's path; no layer name holds this character. */
const PATH_SEPARATOR = '\u001f';

export interface PlacedNode {
  /** Unique over the whole drawing: the path of model ids down to this layer. */
  key: string;
  node: GraphNode;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Set when the node is an expanded nested model: its graph, placed inside the box. */
  inner?: PlacedGraph;
}

export interface PlacedEdge {
  key: string;
  edge: GraphEdge;
  /** Start, bends, end. */
  points: { x: number; y: number }[];
  label?: { text: string; x: number; y: number };
}

export interface PlacedGraph {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export interface LayoutArgs {
  /** Keys (see PlacedNode.key) of the nested models drawn open. */
  expanded: ReadonlySet<string>;
  /** Reserve room in each node for the live stats rows. */
  withStats: boolean;
}

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeNode': '16',
  'elk.edgeLabels.placement': 'CENTER',
  // Inputs and branches keep the model's order left to right, as the code declares them.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

export function nodeKey(parent: string, id: string): string {
  return parent ? `${parent}${PATH_SEPARATOR}${id}` : id;
}

/** Edges into or out of a shared layer say which call they belong to. */
function callLabel(callSites: ReadonlyMap<string, number>, edge: GraphEdge): string | undefined {
  if ((callSites.get(edge.target) ?? 1) > 1) return `call ${edge.targetCallSite + 1}`;
  if ((callSites.get(edge.source) ?? 1) > 1) return `call ${edge.sourceCallSite + 1}`;
  return undefined;
}

function toElkChildren(graph: ModelGraph, parent: string, args: LayoutArgs): Pick<ElkNode, 'children' | 'edges'> {
  const children = graph.nodes.map((node): ElkNode => {
    const key = nodeKey(parent, node.id);
    if (node.nested && args.expanded.has(key)) {
      return {
        id: key,
        layoutOptions: { ...LAYERED, 'elk.padding': `[top=${headerHeight(node) + 8},left=16,bottom=16,right=16]` },
        ...toElkChildren(node.nested, key, args),
      };
    }
    return { id: key, ...nodeBox(node, args.withStats) };
  });
  // Looked up once per level: a graph may hold thousands of edges, each asking about two nodes.
  const callSites = new Map(graph.nodes.map((n) => [n.id, n.callSites]));
  const edges = graph.edges.map((edge, i): ElkExtendedEdge => {
    const text = callLabel(callSites, edge);
    return {
      id: `${parent}${PATH_SEPARATOR}edge${i}`,
      sources: [nodeKey(parent, edge.source)],
      targets: [nodeKey(parent, edge.target)],
      ...(text ? { labels: [{ text, width: text.length * CHAR_WIDTH, height: LINE_HEIGHT }] } : {}),
    };
  });
  return { children, edges };
}

/** The input to ELK: one box per layer, open models as compound nodes holding their own edges. */
export function toElkGraph(graph: ModelGraph, args: LayoutArgs): ElkNode {
  return { id: '', layoutOptions: LAYERED, ...toElkChildren(graph, '', args) };
}

/** ELK's answer mapped back onto the layers; coordinates stay relative to the enclosing box. */
export function fromElkGraph(graph: ModelGraph, laidOut: ElkNode, parent = ''): PlacedGraph {
  const byKey = new Map((laidOut.children ?? []).map((c) => [c.id, c]));
  const nodes = graph.nodes.map((node): PlacedNode => {
    const key = nodeKey(parent, node.id);
    const box = byKey.get(key)!;
    const placed = { key, node, x: box.x ?? 0, y: box.y ?? 0, width: box.width ?? 0, height: box.height ?? 0 };
    return box.children && node.nested ? { ...placed, inner: fromElkGraph(node.nested, box, key) } : placed;
  });
  const edges = (laidOut.edges ?? []).map((e, i): PlacedEdge => {
    const section = e.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const label = e.labels?.[0];
    return {
      key: e.id,
      edge: graph.edges[i],
      points,
      ...(label?.text ? { label: { text: label.text, x: label.x ?? 0, y: label.y ?? 0 } } : {}),
    };
  });
  return { nodes, edges, width: laidOut.width ?? 0, height: laidOut.height ?? 0 };
}

/** Lays the graph out as a layered DAG, top to bottom. */
export async function layoutGraph(elk: ELK, graph: ModelGraph, args: LayoutArgs): Promise<PlacedGraph> {
  return fromElkGraph(graph, await elk.layout(toElkGraph(graph, args)));
}
