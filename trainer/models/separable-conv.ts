import * as tf from '@tensorflow/tfjs';
import { rmsprop } from './fused-rmsprop';

export interface SeparableConvArgs {
  /** The lecture's 64×64×3. */
  imageSize?: number;
  classes?: number;
  /** Filters of the first SeparableConv2D; the lecture's 32, the others scale with it (32, 64, 64, 128, 64, 128). */
  width?: number;
  learningRate?: number;
}

/** Channel multipliers of the lecture's six SeparableConv2D layers, relative to the first. */
const WIDTHS = [1, 2, 2, 4, 2, 4];

/**
 * The lecture's depthwise-separable convnet, with BatchNormalization after every convolution
 * and the hidden dense layer (after the activation, as the lecture places it).
 */
export function buildSeparableConv(args: SeparableConvArgs = {}): tf.LayersModel {
  const { imageSize = 64, classes = 10, width = 32, learningRate = 0.001 } = args;
  const image = tf.input({ name: 'image', shape: [imageSize, imageSize, 3] });
  let x = image;
  WIDTHS.forEach((multiplier, i) => {
    const suffix = i === 0 ? '' : `_${i}`;
    x = tf.layers.separableConv2d({ name: `separable_conv2d${suffix}`, filters: width * multiplier, kernelSize: 3, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization({ name: `batch_normalization${suffix}` }).apply(x) as tf.SymbolicTensor;
    if (i === 1 || i === 3) x = tf.layers.maxPooling2d({ name: `max_pooling2d${i === 1 ? '' : '_1'}`, poolSize: 2 }).apply(x) as tf.SymbolicTensor;
  });
  x = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ name: 'dense', units: 32, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ name: 'batch_normalization_6' }).apply(x) as tf.SymbolicTensor;
  const output = tf.layers.dense({ name: 'dense_1', units: classes, activation: 'softmax' }).apply(x) as tf.SymbolicTensor;
  const model = tf.model({ name: 'separable_conv', inputs: image, outputs: output });
  model.compile({ optimizer: rmsprop(learningRate), loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}
