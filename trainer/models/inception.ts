import * as tf from '@tensorflow/tfjs';
import { rmsprop } from './fused-rmsprop';

export interface InceptionArgs {
  /** Square images of this many pixels a side, 3 channels. */
  imageSize: number;
  classes: number;
  /** Filters of every convolution in the module; the lecture's 128. */
  filters?: number;
  learningRate?: number;
}

function conv(name: string, filters: number, kernelSize: number, strides = 1): tf.layers.Layer {
  return tf.layers.conv2d({ name, filters, kernelSize, strides, padding: 'same', activation: 'relu' });
}

/**
 * The lecture's Inception module as its own function: four branches that each halve the
 * resolution, concatenated along channels. 'same' padding lets the branches line up, as
 * they must for the concatenation.
 */
export function inceptionModule(x: tf.SymbolicTensor, filters: number): tf.SymbolicTensor {
  const a = conv('branch_a_1x1', filters, 1, 2).apply(x) as tf.SymbolicTensor;
  let b = conv('branch_b_1x1', filters, 1).apply(x) as tf.SymbolicTensor;
  b = conv('branch_b_3x3', filters, 3, 2).apply(b) as tf.SymbolicTensor;
  let c = tf.layers.averagePooling2d({ name: 'branch_c_pool', poolSize: 3, strides: 2, padding: 'same' }).apply(x) as tf.SymbolicTensor;
  c = conv('branch_c_3x3', filters, 3).apply(c) as tf.SymbolicTensor;
  let d = conv('branch_d_1x1', filters, 1).apply(x) as tf.SymbolicTensor;
  d = conv('branch_d_3x3', filters, 3).apply(d) as tf.SymbolicTensor;
  d = conv('branch_d_3x3_1', filters, 3, 2).apply(d) as tf.SymbolicTensor;
  return tf.layers.concatenate({ name: 'inception_concat', axis: -1 }).apply([a, b, c, d]) as tf.SymbolicTensor;
}

/** A small image classifier around one Inception module: stem conv → module → global average pool → softmax. */
export function buildInception(args: InceptionArgs): tf.LayersModel {
  const { imageSize, classes, filters = 8, learningRate = 0.001 } = args;
  const image = tf.input({ name: 'image', shape: [imageSize, imageSize, 3] });
  const stem = conv('stem', filters, 3).apply(image) as tf.SymbolicTensor;
  const module = inceptionModule(stem, filters);
  const pooled = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(module) as tf.SymbolicTensor;
  const output = tf.layers.dense({ name: 'dense', units: classes, activation: 'softmax' }).apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({ name: 'inception', inputs: image, outputs: output });
  model.compile({ optimizer: rmsprop(learningRate), loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}
