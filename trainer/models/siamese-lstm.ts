import * as tf from '@tensorflow/tfjs';

export interface SiameseLstmArgs {
  /** Token ids of both sentences are in [0, vocabularySize). */
  vocabularySize: number;
  /** Padded length of each sentence. */
  sentenceLength: number;
  embeddingDim?: number;
  /** The lecture's LSTM(32). */
  units?: number;
  learningRate?: number;
}

/**
 * The lecture's shared-weights sentence similarity model: ONE Embedding and ONE LSTM
 * instance encode both the left and the right sentence, so both branches train the same
 * weights. A hidden Dense layer after the concatenation lets the head compare the two
 * encodings (a lone sigmoid over a concatenation cannot express "equal").
 */
export function buildSiameseLstm(args: SiameseLstmArgs): tf.LayersModel {
  const { vocabularySize, sentenceLength, embeddingDim = 32, units = 32, learningRate = 0.001 } = args;
  const embedding = tf.layers.embedding({ name: 'shared_embedding', inputDim: vocabularySize, outputDim: embeddingDim });
  const lstm = tf.layers.lstm({ name: 'shared_lstm', units });
  const left = tf.input({ name: 'left', shape: [sentenceLength], dtype: 'int32' });
  const right = tf.input({ name: 'right', shape: [sentenceLength], dtype: 'int32' });
  const leftOutput = lstm.apply(embedding.apply(left)) as tf.SymbolicTensor;
  const rightOutput = lstm.apply(embedding.apply(right)) as tf.SymbolicTensor;
  const merged = tf.layers.concatenate({ name: 'concatenate', axis: -1 }).apply([leftOutput, rightOutput]) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ name: 'compare', units: 16, activation: 'relu' }).apply(merged) as tf.SymbolicTensor;
  const similar = tf.layers.dense({ name: 'similar', units: 1, activation: 'sigmoid' }).apply(hidden) as tf.SymbolicTensor;
  const model = tf.model({ name: 'siamese_lstm', inputs: [left, right], outputs: similar });
  model.compile({ optimizer: tf.train.rmsprop(learningRate), loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}
