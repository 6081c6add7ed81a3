/**
 * An op graph drawn the way the Graph tab draws a model: TensorBoard groups ops by name scope
 * (`sequential/dense/MatMul` sits in `sequential` › `dense`), and so does this, with each scope a
 * box that opens on click like a nested model. An input from another scope is drawn between the
 * outermost boxes that separate the two ops, once per pair of boxes.
 */
import type { GraphEdge, GraphNode, ModelGraph, Shape } from '../../kinds/graph/meta';
import type { OpGraph, OpNode } from '../../kinds/op-graph/meta';
import type { OpDetails } from '../graph/graph-labels';

interface Scope {
  path: string[];
  scopes: Map<string, Scope>;
  ops: OpNode[];
  /** Ops inside, at any depth. */
  size: number;
}

/** `^name` (a control input) and `name:1` (a second output) both name the op `name`. */
function inputOf(input: string): { name: string; output: number } {
  const bare = input.startsWith('^') ? input.slice(1) : input;
  const colon = bare.lastIndexOf(':');
  const output = colon > 0 ? Number(bare.slice(colon + 1)) : NaN;
  return Number.isInteger(output) ? { name: bare.slice(0, colon), output } : { name: bare, output: 0 };
}

const scopeId = (path: readonly string[]) => `${path.join('/')}/`;
const toShape = (s: number[] | null): Shape => (s === null ? [] : s.map((d) => (d < 0 ? null : d)));

function buildScopes(nodes: readonly OpNode[]): Scope {
  const root: Scope = { path: [], scopes: new Map(), ops: [], size: 0 };
  for (const node of nodes) {
    const parts = node.name.split('/');
    let scope = root;
    scope.size++;
    for (const part of parts.slice(0, -1)) {
      let next = scope.scopes.get(part);
      if (!next) scope.scopes.set(part, (next = { path: [...scope.path, part], scopes: new Map(), ops: [], size: 0 }));
      scope = next;
      scope.size++;
    }
    scope.ops.push(node);
  }
  return root;
}

/** The box at `depth` that holds the op: its own id when it sits right there, else the scope's. */
function boxAt(parts: readonly string[], name: string, depth: number): string {
  return parts.length - 1 > depth ? scopeId(parts.slice(0, depth + 1)) : name;
}

/** Every input edge, placed at the level where its two ops part ways: level path → edges. */
function edgesByLevel(nodes: readonly OpNode[]): Map<string, GraphEdge[]> {
  const names = new Set(nodes.map((n) => n.name));
  const levels = new Map<string, Map<string, GraphEdge>>();
  for (const target of nodes) {
    const to = target.name.split('/');
    target.inputs.forEach((input, targetInput) => {
      const { name: source } = inputOf(input);
      if (!names.has(source) || source === target.name) return;
      const from = source.split('/');
      let depth = 0;
      while (depth < from.length - 1 && depth < to.length - 1 && from[depth] === to[depth]) depth++;
      const [a, b] = [boxAt(from, source, depth), boxAt(to, target.name, depth)];
      if (a === b) return;
      const level = from.slice(0, depth).join('/');
      let edges = levels.get(level);
      if (!edges) levels.set(level, (edges = new Map()));
      const key = `${a}\u0000${b}`;
      if (!edges.has(key)) edges.set(key, { source: a, sourceCallSite: 0, sourceTensor: 0, target: b, targetCallSite: 0, targetInput: targetInput });
    });
  }
  return new Map([...levels].map(([level, edges]) => [level, [...edges.values()]]));
}

function opNode(node: OpNode, shapesOf: (input: string) => Shape | undefined): GraphNode & { op: OpDetails } {
  const inputs = node.inputs
    .filter((i) => !i.startsWith('^'))
    .map(shapesOf)
    .filter((s): s is Shape => s !== undefined);
  const op: OpDetails = { device: node.device, shapes: node.outputShapes, ...(node.dtype ? { dtype: node.dtype } : {}) };
  return {
    id: node.name,
    className: node.op || 'op',
    name: node.name.slice(node.name.lastIndexOf('/') + 1) || node.name,
    callSites: 1,
    inputShapes: [inputs],
    outputShapes: [node.outputShapes.map(toShape)],
    params: 0,
    op,
  };
}

/** The op graph as nested boxes: the top level holds the outermost scopes and the ops outside any scope. */
export function opGraphModel(graph: OpGraph): ModelGraph {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const shapesOf = (input: string) => {
    const { name, output } = inputOf(input);
    const shape = byName.get(name)?.outputShapes[output];
    return shape === undefined ? undefined : toShape(shape);
  };
  const edges = edgesByLevel(graph.nodes);
  const level = (scope: Scope): ModelGraph => {
    const scopes = [...scope.scopes.values()].map((inner): GraphNode & { op: OpDetails } => ({
      id: scopeId(inner.path),
      className: 'scope',
      name: inner.path[inner.path.length - 1],
      callSites: 1,
      inputShapes: [[]],
      outputShapes: [[]],
      params: 0,
      nested: level(inner),
      op: { device: '', shapes: [], ops: inner.size },
    }));
    const name = scope.path.join('/') || 'graph';
    return { name, className: 'GraphDef', nodes: [...scopes, ...scope.ops.map((n) => opNode(n, shapesOf))], edges: edges.get(scope.path.join('/')) ?? [], outputs: [] };
  };
  return level(buildScopes(graph.nodes));
}
