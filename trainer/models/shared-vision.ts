import * as tf from '@tensorflow/tfjs';
import { buildPairClassifier } from './pair-classifier';

export interface SharedVisionArgs {
  /** Square images of this many pixels a side, 3 channels, from each camera. */
  imageSize: number;
  filters?: number;
  learningRate?: number;
}

/** The small convolutional base standing in for the lecture's Xception: image → feature vector. */
export function buildVisionBase(imageSize: number, filters: number): tf.LayersModel {
  const image = tf.input({ name: 'base_image', shape: [imageSize, imageSize, 3] });
  let x = tf.layers.conv2d({ name: 'base_conv2d', filters, kernelSize: 3, activation: 'relu', padding: 'same' }).apply(image) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ name: 'base_max_pooling2d', poolSize: 2 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2d({ name: 'base_conv2d_1', filters: filters * 2, kernelSize: 3, activation: 'relu', padding: 'same' }).apply(x) as tf.SymbolicTensor;
  const features = tf.layers.globalAveragePooling2d({ name: 'base_global_average_pooling2d' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ name: 'vision_base', inputs: image, outputs: features });
}

/**
 * The lecture's dual-camera model: one base model, called as a layer on the left and on the
 * right image, so both cameras share its weights; the two feature vectors are concatenated
 * and a small head decides whether both cameras see the same thing.
 */
export function buildSharedVision(args: SharedVisionArgs): tf.LayersModel {
  const { imageSize, filters = 8, learningRate = 0.001 } = args;
  const base = buildVisionBase(imageSize, filters);
  const left = tf.input({ name: 'left_image', shape: [imageSize, imageSize, 3] });
  const right = tf.input({ name: 'right_image', shape: [imageSize, imageSize, 3] });
  const leftFeatures = base.apply(left) as tf.SymbolicTensor;
  const rightFeatures = base.apply(right) as tf.SymbolicTensor;
  return buildPairClassifier({ name: 'shared_vision', inputs: [left, right], encoded: [leftFeatures, rightFeatures], outputName: 'same', learningRate });
}
