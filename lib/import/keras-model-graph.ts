/**
 * Keras' model config (`model.to_json()`, which the TensorBoard callback writes under the plugin
 * `graph_keras_model`) as the graph kind's ModelGraph: the same layer graph the Graph tab draws for
 * a model Tensorlens trained (trainer/graph/extract-graph.ts), read from JSON instead of live layers.
 * Reads Keras 2 (`inbound_nodes` as `[name, node, tensor, kwargs]` lists) and Keras 3 (`args` holding
 * `__keras_tensor__` with a `keras_history`).
 */
import type { GraphEdge, GraphNode, GraphOutput, ModelGraph, Shape } from '../kinds/graph/meta';
import { batchInputShape, callLayer, type LayerConfig } from './keras-layer-shapes';

interface KerasLayer {
  class_name: string;
  name?: string;
  config: LayerConfig;
  inbound_nodes?: unknown[];
}

/** A tensor: output `tensor` of call `node` of layer `layer`. */
type Ref = [layer: string, node: number, tensor: number];

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

function isLayer(v: unknown): v is KerasLayer {
  const l = v as KerasLayer | null;
  return typeof l?.class_name === 'string' && typeof l.config === 'object' && l.config !== null;
}

function isRef(v: unknown): boolean {
  return Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'number' && typeof v[2] === 'number';
}

/** `[[name, 0, 0], …]`, or a single `[name, 0, 0]` as Keras 3 writes one input. */
function refList(v: unknown): Ref[] {
  if (isRef(v)) return [(v as unknown[]).slice(0, 3) as Ref];
  return Array.isArray(v) ? v.filter(isRef).map((r) => (r as unknown[]).slice(0, 3) as Ref) : [];
}

/** Keras 3: the tensors inside a call's args, in order, however nested. */
function kerasTensors(v: unknown, out: Ref[] = []): Ref[] {
  if (Array.isArray(v)) v.forEach((item) => kerasTensors(item, out));
  else if (v && typeof v === 'object') {
    const t = v as { class_name?: unknown; config?: { keras_history?: unknown } };
    if (t.class_name === '__keras_tensor__' && isRef(t.config?.keras_history)) out.push((t.config!.keras_history as unknown[]).slice(0, 3) as Ref);
    else Object.values(v).forEach((item) => kerasTensors(item, out));
  }
  return out;
}

function callInputs(node: unknown): Ref[] {
  if (Array.isArray(node)) return refList(node);
  return kerasTensors((node as { args?: unknown } | null)?.args ?? []);
}

function layerName(layer: KerasLayer): string {
  return String(layer.name ?? layer.config.name ?? layer.class_name);
}

interface Described {
  node: GraphNode;
  /** Outputs of each call. */
  outputs: Shape[][];
}

function describe(layer: KerasLayer, calls: Shape[][], input: number): Described {
  const name = layerName(layer);
  const base = { id: name, className: layer.class_name, name, callSites: calls.length, inputShapes: calls };
  if (MODEL_CLASSES.has(layer.class_name) && Array.isArray(layer.config.layers)) {
    const nested = kerasModelGraph(layer);
    const outs = nested.outputs.map((o) => nested.nodes.find((n) => n.id === o.node)!.outputShapes[o.callSite][o.tensor]);
    const params = nested.nodes.reduce((n, l) => n + l.params, 0);
    return { node: { ...base, outputShapes: calls.map(() => outs), params, nested }, outputs: calls.map(() => outs) };
  }
  const results = calls.map((shapes) => callLayer(layer.class_name, layer.config, shapes));
  const outputs = results.map((r) => r.outputs);
  return { node: { ...base, outputShapes: outputs, params: results[0]?.params ?? 0, ...(input >= 0 ? { input } : {}) }, outputs };
}

function inputLayer(name: string, shape: Shape | null, input: number): Described {
  const s = shape ?? [null];
  return { node: { id: name, className: 'InputLayer', name, callSites: 1, inputShapes: [[s]], outputShapes: [[s]], params: 0, input }, outputs: [[s]] };
}

function sequential(name: string, layers: KerasLayer[]): ModelGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let rest = layers;
  let previous: Described;
  if (layers[0]?.class_name === 'InputLayer') {
    previous = inputLayer(layerName(layers[0]), batchInputShape(layers[0].config), 0);
    rest = layers.slice(1);
  } else {
    // Keras adds the input layer of a Sequential itself, named after the first layer.
    previous = inputLayer(`${layers[0] ? layerName(layers[0]) : name}_input`, layers[0] ? batchInputShape(layers[0].config) : null, 0);
  }
  nodes.push(previous.node);
  for (const layer of rest) {
    const next = describe(layer, [previous.outputs[0]], -1);
    edges.push({ source: previous.node.id, sourceCallSite: 0, sourceTensor: 0, target: next.node.id, targetCallSite: 0, targetInput: 0 });
    nodes.push(next.node);
    previous = next;
  }
  return { name, className: 'Sequential', nodes, edges, outputs: [{ node: previous.node.id, callSite: 0, tensor: 0 }] };
}

/**
 * Keras does not save the first node of a model built on an Input (the node that made the model),
 * yet keeps counting from it: references to such a nested model's calls start at 1 (Keras'
 * `_should_skip_first_node`). Call sites here count from 0.
 */
function firstSavedNode(layer: KerasLayer): number {
  if (!MODEL_CLASSES.has(layer.class_name) || !Array.isArray(layer.config.layers)) return 0;
  if (layer.class_name !== 'Sequential') return 1;
  const first = layer.config.layers[0] as KerasLayer | undefined;
  return first?.class_name === 'InputLayer' || (first && batchInputShape(first.config)) ? 1 : 0;
}

function functional(name: string, className: string, config: LayerConfig): ModelGraph {
  const layers = (config.layers as unknown[]).filter(isLayer);
  const inputs = refList(config.input_layers).map(([layer]) => layer);
  const done = new Map<string, Described>();
  const edges: GraphEdge[] = [];
  const offset = new Map(layers.map((l) => [layerName(l), firstSavedNode(l)]));
  const callSite = (layer: string, node: number) => node - (offset.get(layer) ?? 0);
  const shapeOf = ([layer, node, tensor]: Ref) => done.get(layer)?.outputs[callSite(layer, node)]?.[tensor];
  // Layers are listed in the order Keras built them; a few passes cover a config that is not.
  for (let pass = 0; done.size < layers.length && pass < layers.length; pass++) {
    for (const layer of layers) {
      const id = layerName(layer);
      if (done.has(id)) continue;
      const calls = (layer.inbound_nodes ?? []).map(callInputs).filter((refs) => refs.length > 0);
      if (layer.class_name === 'InputLayer' || calls.length === 0) {
        done.set(id, inputLayer(id, batchInputShape(layer.config), inputs.indexOf(id)));
        continue;
      }
      if (!calls.every((refs) => refs.every((ref) => shapeOf(ref) !== undefined))) continue;
      done.set(id, describe(layer, calls.map((refs) => refs.map((ref) => shapeOf(ref)!)), -1));
      calls.forEach((refs, targetCallSite) =>
        refs.forEach(([source, node, sourceTensor], targetInput) =>
          edges.push({ source, sourceCallSite: callSite(source, node), sourceTensor, target: id, targetCallSite, targetInput }),
        ),
      );
    }
  }
  const order = [...inputs, ...layers.map(layerName)];
  const nodes = [...new Set(order)].flatMap((id) => done.get(id)?.node ?? []);
  const outputs: GraphOutput[] = refList(config.output_layers).map(([node, index, tensor]) => ({ node, callSite: callSite(node, index), tensor }));
  return { name, className, nodes, edges, outputs };
}

/** The layer graph of a Keras model config; the schema (lib/kinds/graph/schema.ts) checks it before it is stored. */
export function kerasModelGraph(model: { class_name?: unknown; config?: unknown }): ModelGraph {
  const config = (model.config ?? {}) as LayerConfig;
  const className = typeof model.class_name === 'string' ? model.class_name : 'Model';
  const name = typeof config.name === 'string' && config.name ? config.name : className.toLowerCase();
  const layers = Array.isArray(config.layers) ? config.layers.filter(isLayer) : [];
  if (className === 'Sequential') return sequential(name, layers);
  return functional(name, className, config);
}
