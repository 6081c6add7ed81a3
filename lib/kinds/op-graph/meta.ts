/** The kind name every layer (protocol, storage, API, view) uses for TensorFlow/PyTorch op graphs. */
export const OP_GRAPH_KIND = 'op-graph';

/** Version of the stored payload; the reader refuses rows written in another. */
export const OP_GRAPH_VERSION = 1;

/** A traced PyTorch model or a Keras train step is a few hundred ops; this leaves room for large ones. */
export const MAX_OP_NODES = 20_000;

/** One op of a GraphDef, as TensorBoard's graph plugin reads it. */
export interface OpNode {
  /** Unique; `/` separates name scopes (`sequential/dense/MatMul`). */
  name: string;
  /** The op type: `MatMul`, `aten::linear`, `Placeholder`. */
  op: string;
  /** `node` or `node:output` names; a control input starts with `^`. */
  inputs: string[];
  /** Where the op ran, when the writer said (`/device:GPU:0`); empty otherwise. */
  device: string;
  /** One shape per output where the writer gave them; -1 is an unknown size, null an unknown rank. */
  outputShapes: (number[] | null)[];
  /** The element type (`float32`) where given. */
  dtype?: string;
}

/**
 * The graph TensorFlow executes or PyTorch traced (`Event.graph_def`): ops, not layers. A run has at
 * most one; another replaces it. The model graph (lib/kinds/graph) is the layer view of the same model.
 */
export interface OpGraph {
  nodes: OpNode[];
}
