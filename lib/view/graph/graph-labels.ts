import type { GraphNode, Shape } from '../../kinds/graph/meta';

/** The node text is monospace, so a line's width is its length times one advance. */
export const CHAR_WIDTH = 7.3;
export const LINE_HEIGHT = 16;
export const NODE_PAD_X = 12;
export const NODE_PAD_Y = 8;
/** Wide enough for the two live-stats lines at any value, so updates never move the layout. */
const STATS_WIDTH = 30 * CHAR_WIDTH;
const MAX_LINE_CHARS = 64;

/** Keras' way: `(None, 32)`. */
export function formatShape(shape: Shape): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** One call's outputs: a bare shape, or a list when the layer returns several tensors. */
export function formatCallShapes(shapes: Shape[]): string {
  return shapes.length === 1 ? formatShape(shapes[0]) : `[${shapes.map(formatShape).join(', ')}]`;
}

const clip = (line: string) => (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line);

/**
 * What a node of an op graph (lib/view/op-graph) shows instead of parameters: its shapes as the
 * GraphDef gives them (-1 and null are unknown), its type and device; or, for a name scope, its size.
 */
export interface OpDetails {
  device: string;
  dtype?: string;
  shapes: (number[] | null)[];
  /** Set on a name scope: the ops inside it. */
  ops?: number;
}

function opShape(shape: number[] | null): string {
  return shape === null ? '?' : `(${shape.map((d) => (d < 0 ? '?' : String(d))).join(', ')})`;
}

function opDetailLines(op: OpDetails, expanded: boolean): string[] {
  if (op.ops !== undefined) return [expanded ? '▾ collapse scope' : `▸ expand scope (${op.ops} ops)`];
  const lines = op.shapes.length > 0 ? [clip(`out: ${op.shapes.map(opShape).join(', ')}`)] : [];
  const where = [op.dtype, op.device].filter(Boolean).join(' · ');
  if (where) lines.push(clip(where));
  return lines;
}

/** The rows under the title, as plot_model(show_shapes=True) prints them: output shape(s), then parameters. */
export function detailLines(node: GraphNode, expanded = false): string[] {
  const op = (node as GraphNode & { op?: OpDetails }).op;
  if (op) return opDetailLines(op, expanded);
  const shapes = [...new Set(node.outputShapes.map(formatCallShapes))];
  const lines = shapes.map((s, i) => clip(`${i === 0 ? 'out' : '   '}: ${s}`));
  const calls = node.callSites > 1 ? ` · ×${node.callSites} call sites` : '';
  lines.push(`params: ${node.params.toLocaleString('en-US')}${calls}`);
  if (node.nested) lines.push(expanded ? '▾ collapse model' : `▸ expand model (${node.nested.nodes.length} layers)`);
  return lines;
}

export function titleText(node: GraphNode): string {
  return clip(`${node.name}  ${node.className}`);
}

export interface NodeBox {
  width: number;
  height: number;
}

/** Inputs have neither weights nor recorded activations, so they get no stats rows. */
export function showsStats(node: GraphNode, withStats: boolean): boolean {
  return withStats && node.className !== 'InputLayer';
}

/** A collapsed node's box; `withStats` reserves the two live-stats rows. */
export function nodeBox(node: GraphNode, withStats: boolean): NodeBox {
  const lines = [titleText(node), ...detailLines(node)];
  const textWidth = Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH;
  const stats = showsStats(node, withStats);
  const rows = lines.length + (stats ? 2 : 0);
  return { width: Math.ceil(Math.max(textWidth, stats ? STATS_WIDTH : 0) + 2 * NODE_PAD_X), height: rows * LINE_HEIGHT + 2 * NODE_PAD_Y };
}

/** An expanded model's header: its title and detail rows above the inner graph. */
export function headerHeight(node: GraphNode): number {
  return (1 + detailLines(node, true).length) * LINE_HEIGHT + 2 * NODE_PAD_Y;
}
