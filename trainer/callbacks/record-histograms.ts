import * as tf from '@tensorflow/tfjs';
import { computeHistogram } from '../../lib/kinds/histogram/compute-histogram';
import type { HistogramData } from '../../lib/kinds/histogram/meta';

/** Tags may not hold every character tfjs allows in names. */
function tagOf(prefix: string, name: string): string {
  return `${prefix}/${name.replace(/[^\w.\-/ ]/g, '_')}`;
}

/** A histogram of every weight tensor of every layer, tagged `weights/<layer>/<weight>`. */
export function weightHistograms(model: tf.LayersModel, bucketCount?: number): Record<string, HistogramData> {
  const out: Record<string, HistogramData> = {};
  for (const layer of model.layers) {
    for (const weight of layer.weights) {
      out[tagOf('weights', weight.name)] = computeHistogram(weight.read().dataSync(), bucketCount);
    }
  }
  return out;
}

/**
 * Builds, once, a model that returns every layer's output, so one predict() on the probe batch
 * gives all activations. Layers with several outputs get one tag per output.
 */
export function activationProbe(model: tf.LayersModel): (probe: tf.Tensor, bucketCount?: number) => Record<string, HistogramData> {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const outputs = layers.flatMap((l) => (Array.isArray(l.output) ? l.output : [l.output]));
  const tags = layers.flatMap((l) => (Array.isArray(l.output) ? l.output.map((_, i) => tagOf('activations', `${l.name}/${i}`)) : [tagOf('activations', l.name)]));
  const tap = tf.model({ inputs: model.inputs, outputs });
  return (probe, bucketCount) => {
    const result = tap.predict(probe);
    const tensors = Array.isArray(result) ? result : [result];
    const out: Record<string, HistogramData> = {};
    tensors.forEach((t, i) => (out[tags[i]] = computeHistogram(t.dataSync(), bucketCount)));
    tf.dispose(tensors);
    return out;
  };
}
