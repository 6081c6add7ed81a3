/**
 * The zoo models as the zoo bench times them: each builder with the zoo entry's shapes
 * (or the lecture's, where the bench has always used those) and random data of its input
 * shapes. bench/zoo_reference.py holds a PyTorch twin of each under the same name.
 */
import * as tf from '@tensorflow/tfjs';
import { buildInception } from '../trainer/models/inception';
import { buildMlpFunctional } from '../trainer/models/mlp-functional';
import { buildMlpSequential } from '../trainer/models/mlp-sequential';
import { buildMultiOutput } from '../trainer/models/multi-output';
import { buildQaTwoInput } from '../trainer/models/qa-two-input';
import { buildResidual } from '../trainer/models/residual';
import { buildSeparableConv } from '../trainer/models/separable-conv';
import { buildSharedVision } from '../trainer/models/shared-vision';
import { buildSiameseLstm } from '../trainer/models/siamese-lstm';

export interface ZooBenchModel {
  title: string;
  batch: number;
  build(): tf.LayersModel;
  data(batch: number): { x: tf.Tensor | tf.Tensor[]; y: tf.Tensor | tf.Tensor[] };
}

const QA = { textLength: 100, questionLength: 20, vocabulary: 1000, answers: 50 };
const SENTENCE = { length: 40, vocabulary: 2000 };
const POSTS = { length: 60, vocabulary: 200, incomeGroups: 4 };
const SMALL_IMAGE = 16;

const tokens = (batch: number, length: number, vocabulary: number) => tf.randomUniformInt([batch, length], 0, vocabulary);
const oneHot = (batch: number, classes: number) => tf.oneHot(tf.randomUniformInt([batch], 0, classes), classes).toFloat();
const binary = (batch: number) => tf.randomUniformInt([batch, 1], 0, 2).toFloat();
const images = (batch: number, size: number) => tf.randomUniform([batch, size, size, 3]);

const mlpData = (batch: number) => ({ x: tf.randomNormal([batch, 64]), y: oneHot(batch, 10) });
const smallImageData = (batch: number) => ({ x: images(batch, SMALL_IMAGE), y: oneHot(batch, 5) });

export const ZOO_BENCH_MODELS: Record<string, ZooBenchModel> = {
  'mlp-sequential': { title: 'MLP (Sequential) 64 → 32 → 32 → 10', batch: 128, build: () => buildMlpSequential(), data: mlpData },
  'mlp-functional': { title: 'MLP (functional) 64 → 32 → 32 → 10', batch: 128, build: () => buildMlpFunctional(), data: mlpData },
  'qa-two-input': {
    title: `2-input LSTM (text ${QA.textLength} + question ${QA.questionLength} tokens, Embedding 64 + LSTM(32) each, ${QA.answers} answers)`,
    batch: 64,
    // Equal branches, the lecture's sizes, as the figures measured so far; the zoo entry's question branch is Embedding 32 + LSTM(16).
    build: () => buildQaTwoInput({
      vocabularySize: QA.vocabulary, answerCount: QA.answers, textLength: QA.textLength, questionLength: QA.questionLength,
      questionEmbeddingDim: 64, questionUnits: 32,
    }),
    data: (batch) => ({ x: [tokens(batch, QA.textLength, QA.vocabulary), tokens(batch, QA.questionLength, QA.vocabulary)], y: oneHot(batch, QA.answers) }),
  },
  'multi-output': {
    title: `multi-output Conv1D over ${POSTS.length}-token posts (age mse, income softmax, gender sigmoid)`,
    batch: 128,
    build: () => buildMultiOutput({ vocabularySize: POSTS.vocabulary, postLength: POSTS.length, incomeGroups: POSTS.incomeGroups }),
    data: (batch) => ({
      x: tokens(batch, POSTS.length, POSTS.vocabulary),
      y: [tf.randomUniform([batch, 1], 1.8, 7), oneHot(batch, POSTS.incomeGroups), binary(batch)],
    }),
  },
  inception: { title: 'Inception module classifier, 16x16x3, 8 filters', batch: 128, build: () => buildInception({ imageSize: SMALL_IMAGE, classes: 5 }), data: smallImageData },
  residual: { title: 'residual convnet, 16x16x3, 8/16 filters', batch: 128, build: () => buildResidual({ imageSize: SMALL_IMAGE, classes: 5 }), data: smallImageData },
  'siamese-lstm': {
    title: `siamese LSTM(32) shared by two ${SENTENCE.length}-token sentences`,
    batch: 128,
    build: () => buildSiameseLstm({ vocabularySize: SENTENCE.vocabulary, sentenceLength: SENTENCE.length }),
    data: (batch) => ({ x: [tokens(batch, SENTENCE.length, SENTENCE.vocabulary), tokens(batch, SENTENCE.length, SENTENCE.vocabulary)], y: binary(batch) }),
  },
  'shared-vision': {
    title: 'shared vision base model on two 16x16x3 images',
    batch: 128,
    build: () => buildSharedVision({ imageSize: SMALL_IMAGE }),
    data: (batch) => ({ x: [images(batch, SMALL_IMAGE), images(batch, SMALL_IMAGE)], y: binary(batch) }),
  },
  'separable-conv': {
    title: 'SeparableConv2D + BatchNormalization convnet, 64x64x3, lecture widths (32…128), 10 classes',
    batch: 32,
    build: () => buildSeparableConv(),
    data: (batch) => ({ x: images(batch, 64), y: oneHot(batch, 10) }),
  },
};
