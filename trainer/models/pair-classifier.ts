import * as tf from '@tensorflow/tfjs';
import { rmsprop } from './fused-rmsprop';

export interface PairClassifierArgs {
  name: string;
  inputs: [tf.SymbolicTensor, tf.SymbolicTensor];
  /** What the shared encoder made of each input. */
  encoded: [tf.SymbolicTensor, tf.SymbolicTensor];
  /** Name of the sigmoid output, the question the model answers ('similar', 'same'). */
  outputName: string;
  learningRate: number;
}

/**
 * The head both shared-weights models end with: the two encodings concatenated, a hidden
 * Dense layer so the head can compare them (a lone sigmoid over a concatenation cannot
 * express "equal"), and one sigmoid; compiled for a yes/no target.
 */
export function buildPairClassifier(args: PairClassifierArgs): tf.LayersModel {
  const merged = tf.layers.concatenate({ name: 'concatenate', axis: -1 }).apply(args.encoded) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ name: 'compare', units: 16, activation: 'relu' }).apply(merged) as tf.SymbolicTensor;
  const answer = tf.layers.dense({ name: args.outputName, units: 1, activation: 'sigmoid' }).apply(hidden) as tf.SymbolicTensor;
  const model = tf.model({ name: args.name, inputs: args.inputs, outputs: answer });
  model.compile({ optimizer: rmsprop(args.learningRate), loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}
