import * as tf from '@tensorflow/tfjs';
import { rmsprop } from './fused-rmsprop';

export interface ResidualArgs {
  /** Square images of this many pixels a side, 3 channels. */
  imageSize: number;
  classes: number;
  /** Filters of the first block; the second block doubles them. */
  filters?: number;
  learningRate?: number;
}

function conv(name: string, filters: number): tf.layers.Layer {
  return tf.layers.conv2d({ name, filters, kernelSize: 3, padding: 'same', activation: 'relu' });
}

/**
 * The lecture's two residual connections: an identity `add` where the block keeps the
 * shape, and a 1×1 strided convolution projecting the input where the block changes the
 * channel count and halves the resolution.
 */
export function buildResidual(args: ResidualArgs): tf.LayersModel {
  const { imageSize, classes, filters = 8, learningRate = 0.001 } = args;
  const image = tf.input({ name: 'image', shape: [imageSize, imageSize, 3] });
  const x = conv('stem', filters).apply(image) as tf.SymbolicTensor;

  let y = conv('identity_block_conv', filters).apply(x) as tf.SymbolicTensor;
  y = conv('identity_block_conv_1', filters).apply(y) as tf.SymbolicTensor;
  const identity = tf.layers.add({ name: 'identity_add' }).apply([y, x]) as tf.SymbolicTensor;

  let z = conv('projection_block_conv', filters * 2).apply(identity) as tf.SymbolicTensor;
  z = conv('projection_block_conv_1', filters * 2).apply(z) as tf.SymbolicTensor;
  z = tf.layers.maxPooling2d({ name: 'projection_block_pool', poolSize: 2, strides: 2 }).apply(z) as tf.SymbolicTensor;
  const projection = tf.layers.conv2d({ name: 'projection_1x1', filters: filters * 2, kernelSize: 1, strides: 2, padding: 'same' }).apply(identity) as tf.SymbolicTensor;
  const projected = tf.layers.add({ name: 'projection_add' }).apply([z, projection]) as tf.SymbolicTensor;

  const pooled = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(projected) as tf.SymbolicTensor;
  const output = tf.layers.dense({ name: 'dense', units: classes, activation: 'softmax' }).apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({ name: 'residual', inputs: image, outputs: output });
  model.compile({ optimizer: rmsprop(learningRate), loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}
