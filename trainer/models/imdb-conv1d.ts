import * as tf from '@tensorflow/tfjs';
import { rmsprop } from './fused-rmsprop';

export const IMDB_OPTIMIZERS = ['rmsprop', 'adam', 'sgd'] as const;
export type ImdbOptimizer = (typeof IMDB_OPTIMIZERS)[number];

/** The architecture knobs a hyperparameter search turns; the defaults are the lecture's model. */
export interface ImdbConv1dArchitecture {
  /** Filters of both Conv1D layers. */
  convFilters: number;
  /** Window of both Conv1D layers. */
  kernelSize: number;
  embeddingDim: number;
  /** Dropout rate before the Dense classifier; 0 adds no Dropout layer, as in the lecture. */
  dropout: number;
  optimizer: ImdbOptimizer;
}

export const IMDB_CONV1D_DEFAULTS: ImdbConv1dArchitecture = { convFilters: 32, kernelSize: 7, embeddingDim: 128, dropout: 0, optimizer: 'rmsprop' };

export interface ImdbConv1dArgs extends Partial<ImdbConv1dArchitecture> {
  /** Vocabulary size: token ids are in [0, maxFeatures). */
  maxFeatures: number;
  /** Length every review is padded/truncated to. */
  maxLen: number;
  learningRate?: number;
}

const POOL_SIZE = 5;

/** Shortest maxLen for which both 'valid' convolutions still see a full window. */
export function imdbConv1dMinLen(kernelSize: number): number {
  return kernelSize - 1 + POOL_SIZE * kernelSize;
}

/** Keras' defaults for each optimizer (RMSprop: rho 0.9, epsilon 1e-7), at the given learning rate. */
function optimizer(name: ImdbOptimizer, learningRate: number): tf.Optimizer {
  if (name === 'adam') return tf.train.adam(learningRate);
  if (name === 'sgd') return tf.train.sgd(learningRate);
  return rmsprop(learningRate);
}

/**
 * The Keras lecture's IMDB sentiment 1D convnet (Chollet, "Deep Learning with
 * Python", 6.4), compiled as there: RMSprop (learning rate 1e-3), binary
 * crossentropy, accuracy. Layer names are the ones Keras gives a fresh model, so
 * summaries and logged weight names read the same as the lecture's. A search may
 * change the filters, window, embedding size, optimizer and add dropout.
 */
export function buildImdbConv1d(args: ImdbConv1dArgs): tf.LayersModel {
  const { maxFeatures, maxLen, learningRate = 0.001 } = args;
  const { convFilters, kernelSize, embeddingDim, dropout, optimizer: optimizerName } = { ...IMDB_CONV1D_DEFAULTS, ...definedOnly(args) };
  for (const [key, value] of Object.entries({ maxFeatures, maxLen, embeddingDim, convFilters, kernelSize })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`buildImdbConv1d: ${key} must be a positive integer, got ${value}`);
  }
  if (maxLen < imdbConv1dMinLen(kernelSize)) {
    throw new Error(`buildImdbConv1d: maxLen must be at least ${imdbConv1dMinLen(kernelSize)} for kernelSize ${kernelSize}, got ${maxLen}`);
  }
  if (!(learningRate > 0)) throw new Error(`buildImdbConv1d: learningRate must be > 0, got ${learningRate}`);
  if (!(dropout >= 0 && dropout < 1)) throw new Error(`buildImdbConv1d: dropout must be in [0, 1), got ${dropout}`);
  if (!IMDB_OPTIMIZERS.includes(optimizerName)) throw new Error(`buildImdbConv1d: optimizer must be one of ${IMDB_OPTIMIZERS.join(', ')}, got ${optimizerName}`);

  const model = tf.sequential({ name: 'sequential' });
  model.add(tf.layers.embedding({ name: 'embedding', inputDim: maxFeatures, outputDim: embeddingDim, inputLength: maxLen }));
  model.add(tf.layers.conv1d({ name: 'conv1d', filters: convFilters, kernelSize, activation: 'relu' }));
  model.add(tf.layers.maxPooling1d({ name: 'max_pooling1d', poolSize: POOL_SIZE }));
  model.add(tf.layers.conv1d({ name: 'conv1d_1', filters: convFilters, kernelSize, activation: 'relu' }));
  model.add(tf.layers.globalMaxPooling1d({ name: 'global_max_pooling1d' }));
  if (dropout > 0) model.add(tf.layers.dropout({ name: 'dropout', rate: dropout }));
  model.add(tf.layers.dense({ name: 'dense', units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: optimizer(optimizerName, learningRate), loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}

/** An argument given as undefined takes the default, as an absent one does. */
function definedOnly(args: Partial<ImdbConv1dArchitecture>): Partial<ImdbConv1dArchitecture> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
}
