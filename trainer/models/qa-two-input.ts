import * as tf from '@tensorflow/tfjs';
import { rmsprop } from './fused-rmsprop';

export interface QaTwoInputArgs {
  /** Token ids of both inputs are in [0, vocabularySize). */
  vocabularySize: number;
  /** Candidate answers; the softmax has one unit per answer. */
  answerCount: number;
  /** Padded lengths; the lecture leaves both variable (shape [None]). */
  textLength: number;
  questionLength: number;
  textEmbeddingDim?: number;
  questionEmbeddingDim?: number;
  textUnits?: number;
  questionUnits?: number;
  learningRate?: number;
}

/**
 * The lecture's two-input question answering model: the text and the question each go
 * through their own Embedding + LSTM, the two encodings are concatenated and a softmax
 * picks the answer. Inputs are named `text` and `question` so fit() also takes a dict.
 */
export function buildQaTwoInput(args: QaTwoInputArgs): tf.LayersModel {
  const { vocabularySize, answerCount, textLength, questionLength, textEmbeddingDim = 64, questionEmbeddingDim = 32, textUnits = 32, questionUnits = 16, learningRate = 0.001 } = args;
  const text = tf.input({ name: 'text', shape: [textLength], dtype: 'int32' });
  const embeddedText = tf.layers.embedding({ name: 'text_embedding', inputDim: vocabularySize, outputDim: textEmbeddingDim }).apply(text) as tf.SymbolicTensor;
  const encodedText = tf.layers.lstm({ name: 'text_lstm', units: textUnits }).apply(embeddedText) as tf.SymbolicTensor;
  const question = tf.input({ name: 'question', shape: [questionLength], dtype: 'int32' });
  const embeddedQuestion = tf.layers.embedding({ name: 'question_embedding', inputDim: vocabularySize, outputDim: questionEmbeddingDim }).apply(question) as tf.SymbolicTensor;
  const encodedQuestion = tf.layers.lstm({ name: 'question_lstm', units: questionUnits }).apply(embeddedQuestion) as tf.SymbolicTensor;
  const concatenated = tf.layers.concatenate({ name: 'concatenate', axis: -1 }).apply([encodedText, encodedQuestion]) as tf.SymbolicTensor;
  const answer = tf.layers.dense({ name: 'answer', units: answerCount, activation: 'softmax' }).apply(concatenated) as tf.SymbolicTensor;
  const model = tf.model({ name: 'qa_two_input', inputs: [text, question], outputs: answer });
  model.compile({ optimizer: rmsprop(learningRate), loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}
