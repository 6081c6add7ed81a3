import * as tf from '@tensorflow/tfjs';

export interface ImdbConv1dArgs {
  /** Vocabulary size: token ids are in [0, maxFeatures). */
  maxFeatures: number;
  /** Length every review is padded/truncated to. */
  maxLen: number;
  embeddingDim?: number;
  learningRate?: number;
}

const KERNEL_SIZE = 7;
const POOL_SIZE = 5;

/** Shortest maxLen for which both 'valid' convolutions still see a full window. */
export const IMDB_CONV1D_MIN_LEN = (KERNEL_SIZE - 1) + POOL_SIZE * KERNEL_SIZE;

/**
 * The Keras lecture's IMDB sentiment 1D convnet (Chollet, "Deep Learning with
 * Python", 6.4), compiled as there: RMSprop (Keras defaults: rho 0.9,
 * epsilon 1e-7, learning rate 1e-3), binary crossentropy, accuracy. Layer names
 * are the ones Keras gives a fresh model, so summaries and logged weight names
 * read the same as the lecture's.
 */
export function buildImdbConv1d(args: ImdbConv1dArgs): tf.LayersModel {
  const { maxFeatures, maxLen, embeddingDim = 128, learningRate = 0.001 } = args;
  for (const [key, value] of Object.entries({ maxFeatures, maxLen, embeddingDim })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`buildImdbConv1d: ${key} must be a positive integer, got ${value}`);
  }
  if (maxLen < IMDB_CONV1D_MIN_LEN) {
    throw new Error(`buildImdbConv1d: maxLen must be at least ${IMDB_CONV1D_MIN_LEN}, got ${maxLen}`);
  }
  if (!(learningRate > 0)) throw new Error(`buildImdbConv1d: learningRate must be > 0, got ${learningRate}`);

  const model = tf.sequential({ name: 'sequential' });
  model.add(tf.layers.embedding({ name: 'embedding', inputDim: maxFeatures, outputDim: embeddingDim, inputLength: maxLen }));
  model.add(tf.layers.conv1d({ name: 'conv1d', filters: 32, kernelSize: KERNEL_SIZE, activation: 'relu' }));
  model.add(tf.layers.maxPooling1d({ name: 'max_pooling1d', poolSize: POOL_SIZE }));
  model.add(tf.layers.conv1d({ name: 'conv1d_1', filters: 32, kernelSize: KERNEL_SIZE, activation: 'relu' }));
  model.add(tf.layers.globalMaxPooling1d({ name: 'global_max_pooling1d' }));
  model.add(tf.layers.dense({ name: 'dense', units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.rmsprop(learningRate), loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}
