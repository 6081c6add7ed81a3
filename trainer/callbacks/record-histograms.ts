import * as tf from '@tensorflow/tfjs';
import type { TensorValues } from '../../lib/kinds/histogram/histogram-binner';
import { tagSafe } from '../../lib/protocol/tag';
import { tensorList, type ModelData } from '../data/model-data';

function tagOf(prefix: string, name: string): string {
  return `${prefix}/${tagSafe(name)}`;
}

/**
 * A tensor's values as an array of their own, which the histogram binner may take over: other
 * backends read into a fresh array, tfjs cpu hands out the tensor's storage itself.
 */
function ownValues(tensor: tf.Tensor): TensorValues[string] {
  const values = tensor.dataSync() as TensorValues[string];
  return tf.getBackend() === 'cpu' ? values.slice() : values;
}

/**
 * The values of every weight tensor of every layer, tagged `weights/<layer>/<weight>`, to bin
 * into histograms. The tag comes from the weight's original name: tfjs suffixes `name`
 * (`dense/kernel_1`) when any earlier model in the process had a weight of that name.
 */
export function weightValues(model: tf.LayersModel): TensorValues {
  const out: TensorValues = {};
  for (const layer of model.layers) {
    for (const weight of layer.weights) out[tagOf('weights', weight.originalName)] = ownValues(weight.read());
  }
  return out;
}

/** The values of every layer output on one probe batch (x as fit() takes it), to bin into histograms. */
export type ActivationRecorder = (probe: ModelData) => TensorValues;

/**
 * The node indices at which each layer is called inside this model, found by walking the
 * graph back from its outputs. A shared layer (or a model used as a layer) has one node per
 * call and, outside this model, may have more: those of other models it was built into.
 */
function callSites(model: tf.LayersModel): Map<tf.layers.Layer, number[]> {
  const seen = new Map<tf.layers.Layer, Set<number>>();
  const pending = [...model.outputs];
  while (pending.length) {
    const { sourceLayer: layer, nodeIndex } = pending.pop()!;
    const nodes = seen.get(layer) ?? new Set<number>();
    if (nodes.has(nodeIndex)) continue;
    seen.set(layer, nodes.add(nodeIndex));
    pending.push(...layer.inboundNodes[nodeIndex].inputTensors);
  }
  return new Map(model.layers.filter((l) => seen.has(l)).map((l) => [l, [...seen.get(l)!].sort((a, b) => a - b)]));
}

/**
 * Builds, once, a model that returns every layer's output, so one predict() on the probe batch
 * gives all activations, each read in one go. A layer called once is tagged
 * `activations/<layer>`; a shared layer gets one tag per call, `activations/<layer>/call_<k>`; a
 * call with several outputs gets `/<i>` per output. A nested model counts as one layer: its
 * output at each call is recorded.
 */
export function activationProbe(model: tf.LayersModel): ActivationRecorder {
  const outputs: tf.SymbolicTensor[] = [];
  const tags: string[] = [];
  for (const [layer, nodes] of callSites(model)) {
    if (layer.getClassName() === 'InputLayer') continue;
    nodes.forEach((nodeIndex, call) => {
      const nodeOutputs = layer.inboundNodes[nodeIndex].outputTensors;
      const name = nodes.length === 1 ? layer.name : `${layer.name}/call_${call}`;
      nodeOutputs.forEach((output, i) => {
        outputs.push(output);
        tags.push(tagOf('activations', nodeOutputs.length === 1 ? name : `${name}/${i}`));
      });
    });
  }
  const tap = tf.model({ inputs: model.inputs, outputs });
  return (probe) => {
    const inputs = tensorList(probe, model.inputNames);
    const result = tap.predict(inputs.length === 1 ? inputs[0] : inputs);
    const tensors = Array.isArray(result) ? result : [result];
    const out: TensorValues = {};
    tensors.forEach((t, i) => (out[tags[i]] = ownValues(t)));
    tf.dispose(tensors);
    return out;
  };
}
