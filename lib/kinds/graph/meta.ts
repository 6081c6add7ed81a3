/** The kind name every layer (protocol, storage, API, view) uses for model graphs. */
export const GRAPH_KIND = 'graph';

/** Version of the stored graph payload; the reader refuses rows written in another. */
export const GRAPH_VERSION = 1;

/** Caps that keep one graph inside one ingest message and one page. */
export const MAX_GRAPH_NODES = 2_000;
export const MAX_GRAPH_EDGES = 8_000;
/** Models used as layers, nested at most this deep (the top model is depth 0). */
export const MAX_GRAPH_DEPTH = 4;

/** A tensor shape as Keras prints it: null for the batch or any unknown dimension. */
export type Shape = (number | null)[];

/** One layer, drawn once however many times the model calls it. */
export interface GraphNode {
  /** The layer's name, unique within its graph. */
  id: string;
  className: string;
  name: string;
  /** How many times the model calls the layer: 2 for an LSTM shared by two inputs. */
  callSites: number;
  /** Per call site, the shape of each tensor the layer receives (an InputLayer: its batch input shape). */
  inputShapes: Shape[][];
  /** Per call site, the shape of each tensor the layer returns. */
  outputShapes: Shape[][];
  params: number;
  /** InputLayers only: which of the model's inputs the layer is. */
  input?: number;
  /** A model used as a layer: its own graph. */
  nested?: ModelGraph;
}

/** Tensor `sourceTensor` of the source's call `sourceCallSite` feeds input `targetInput` of the target's call `targetCallSite`. */
export interface GraphEdge {
  source: string;
  sourceCallSite: number;
  sourceTensor: number;
  target: string;
  targetCallSite: number;
  targetInput: number;
}

/** One of the model's outputs: the tensor `tensor` of `node`'s call `callSite`. */
export interface GraphOutput {
  node: string;
  callSite: number;
  tensor: number;
}

export interface ModelGraph {
  name: string;
  className: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  outputs: GraphOutput[];
}
