import * as tf from '@tensorflow/tfjs';
import type { GraphEdge, GraphNode, ModelGraph, Shape } from '../../lib/kinds/graph/meta';

type Layer = tf.layers.Layer;
type LayerNode = Layer['inboundNodes'][number];

/** tfjs stores one shape bare and several as a list; a list whose items are lists is several. */
function shapeList(shapes: Shape | Shape[]): Shape[] {
  return shapes.length > 0 && Array.isArray(shapes[0]) ? (shapes as Shape[]) : [shapes as Shape];
}

/**
 * The calls of each layer that lead to the model's outputs, walked back from them: a layer
 * also called by another model (a shared layer, a nested model's own graph) keeps only this model's calls.
 */
function callsInModel(model: tf.LayersModel): Map<Layer, number[]> {
  const calls = new Map<Layer, Set<number>>();
  const pending: tf.SymbolicTensor[] = [...model.outputs, ...model.inputs];
  while (pending.length > 0) {
    const { sourceLayer, nodeIndex } = pending.pop()!;
    const seen = calls.get(sourceLayer as Layer) ?? new Set<number>();
    calls.set(sourceLayer as Layer, seen);
    if (seen.has(nodeIndex)) continue;
    seen.add(nodeIndex);
    pending.push(...sourceLayer.inboundNodes[nodeIndex].inputTensors);
  }
  return new Map([...calls].map(([layer, nodes]) => [layer, [...nodes].sort((a, b) => a - b)]));
}

/** Read from the input tensors: a Sequential lists no input layers of its own. */
function inputLayers(model: tf.LayersModel): Layer[] {
  return model.inputs.map((t) => t.sourceLayer as Layer);
}

/** Inputs first, in the model's order, then layers as the model lists them (already topological). */
function orderLayers(model: tf.LayersModel, inputs: Layer[], calls: Map<Layer, number[]>): Layer[] {
  const ordered = [...new Set([...inputs, ...model.layers, ...calls.keys()])];
  return ordered.filter((layer) => calls.has(layer));
}

function describeLayer(inputs: Layer[], layer: Layer, nodes: LayerNode[]): GraphNode {
  const input = inputs.indexOf(layer);
  return {
    id: layer.name,
    className: layer.getClassName(),
    name: layer.name,
    callSites: nodes.length,
    inputShapes: nodes.map((n) => shapeList(n.inputShapes)),
    outputShapes: nodes.map((n) => shapeList(n.outputShapes)),
    params: layer.countParams(),
    ...(input >= 0 ? { input } : {}),
    ...(layer instanceof tf.LayersModel ? { nested: extractGraph(layer) } : {}),
  };
}

/**
 * The model's graph as plot_model(show_shapes=True) draws it, read from the layers' inbound
 * nodes: one node per layer however often it is called, one edge per tensor a call receives,
 * and a model used as a layer carries its own graph.
 */
export function extractGraph(model: tf.LayersModel): ModelGraph {
  const calls = callsInModel(model);
  const callSite = (layer: Layer, nodeIndex: number) => calls.get(layer)!.indexOf(nodeIndex);
  const inputs = inputLayers(model);
  const layers = orderLayers(model, inputs, calls);
  const nodes = layers.map((layer) => describeLayer(inputs, layer, calls.get(layer)!.map((i) => layer.inboundNodes[i])));
  const edges: GraphEdge[] = [];
  for (const layer of layers) {
    calls.get(layer)!.forEach((nodeIndex, targetCallSite) => {
      const node = layer.inboundNodes[nodeIndex];
      node.inboundLayers.forEach((source, targetInput) => {
        edges.push({
          source: source.name,
          sourceCallSite: callSite(source as Layer, node.nodeIndices[targetInput]),
          sourceTensor: node.tensorIndices[targetInput],
          target: layer.name,
          targetCallSite,
          targetInput,
        });
      });
    });
  }
  const outputs = model.outputs.map((t) => ({ node: t.sourceLayer.name, callSite: callSite(t.sourceLayer as Layer, t.nodeIndex), tensor: t.tensorIndex }));
  return { name: model.name, className: model.getClassName(), nodes, edges, outputs };
}
