import * as tf from '@tensorflow/tfjs';
import { rmsprop } from './fused-rmsprop';

export interface MlpArgs {
  /** Features per sample; the lecture's 64. */
  inputDim?: number;
  classes?: number;
  learningRate?: number;
}

/** Compiled as the lecture does both MLPs, so the two builds differ only in how the graph is declared. */
export function compileMlp(model: tf.LayersModel, learningRate = 0.001): tf.LayersModel {
  model.compile({ optimizer: rmsprop(learningRate), loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}

/** The lecture's MLP with the Sequential API: 64 → Dense 32 relu → Dense 32 relu → Dense 10 softmax. */
export function buildMlpSequential(args: MlpArgs = {}): tf.LayersModel {
  const { inputDim = 64, classes = 10, learningRate } = args;
  const model = tf.sequential({ name: 'sequential' });
  model.add(tf.layers.dense({ name: 'dense', units: 32, activation: 'relu', inputShape: [inputDim] }));
  model.add(tf.layers.dense({ name: 'dense_1', units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ name: 'dense_2', units: classes, activation: 'softmax' }));
  return compileMlp(model, learningRate);
}
