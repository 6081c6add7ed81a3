import * as tf from '@tensorflow/tfjs';
import { buildPairClassifier } from './pair-classifier';

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
 * weights; the two encodings meet in buildPairClassifier's head.
 */
export function buildSiameseLstm(args: SiameseLstmArgs): tf.LayersModel {
  const { vocabularySize, sentenceLength, embeddingDim = 32, units = 32, learningRate = 0.001 } = args;
  const embedding = tf.layers.embedding({ name: 'shared_embedding', inputDim: vocabularySize, outputDim: embeddingDim });
  const lstm = tf.layers.lstm({ name: 'shared_lstm', units });
  const left = tf.input({ name: 'left', shape: [sentenceLength], dtype: 'int32' });
  const right = tf.input({ name: 'right', shape: [sentenceLength], dtype: 'int32' });
  const leftOutput = lstm.apply(embedding.apply(left)) as tf.SymbolicTensor;
  const rightOutput = lstm.apply(embedding.apply(right)) as tf.SymbolicTensor;
  return buildPairClassifier({ name: 'siamese_lstm', inputs: [left, right], encoded: [leftOutput, rightOutput], outputName: 'similar', learningRate });
}
