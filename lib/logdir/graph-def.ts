/**
 * A serialized GraphDef (tf.summary.graph, PyTorch's add_graph) as a list of op nodes. Shapes come
 * from `_output_shapes` (TF and PyTorch both write it when they know them) or, for placeholders and
 * variables, `shape`; the dtype from `T` or `dtype`.
 */
import { decodeAs, GraphDefType, int64, type AttrValueMessage, type GraphDefMessage, type TensorShapeMessage } from './proto/messages';
import type { OpNode } from './records';
import { dtypeName } from './tensor-values';

function shape(s: TensorShapeMessage): number[] | null {
  return s.unknownRank ? null : s.dim.map((d) => int64(d.size));
}

function outputShapes(attr: Record<string, AttrValueMessage>): (number[] | null)[] {
  const listed = attr._output_shapes?.list?.shape;
  if (listed && listed.length > 0) return listed.map(shape);
  const single = attr.shape?.shape;
  return single ? [shape(single)] : [];
}

function dtype(attr: Record<string, AttrValueMessage>): string | undefined {
  const t = attr.T?.type ?? attr.dtype?.type;
  return t === undefined || t === null ? undefined : dtypeName(t);
}

/** The op graph, or an error message when the bytes are not a GraphDef. */
export function decodeGraphDef(bytes: Uint8Array): OpNode[] | string {
  let graph: GraphDefMessage;
  try {
    graph = decodeAs<GraphDefMessage>(GraphDefType, bytes);
  } catch (err) {
    return `graph_def is not a GraphDef: ${(err as Error).message}`;
  }
  return graph.node.map((n) => {
    const attr = n.attr ?? {};
    const node: OpNode = { name: n.name ?? '', op: n.op ?? '', inputs: n.input, device: n.device ?? '', outputShapes: outputShapes(attr) };
    const t = dtype(attr);
    if (t !== undefined) node.dtype = t;
    return node;
  });
}
