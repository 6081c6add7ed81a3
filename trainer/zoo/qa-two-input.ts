import * as tf from '@tensorflow/tfjs';
import { imdbCloze } from '../data/imdb-cloze';
import { oneHotTensor, sequenceTensor } from '../data/model-data';
import { buildQaTwoInput } from '../models/qa-two-input';
import type { ModelEntry } from './model-entry';
import { imdbDataDescription, loadImdbReviews } from './imdb-reviews';

const ANSWERS = 20;
const TEXT_LENGTH = 40;
const CONTEXT = 3;

export const qaTwoInput: ModelEntry = {
  name: 'qa-two-input',
  description: `Two inputs (text, question), Embedding + LSTM each, concatenated, softmax over answers: a cloze task on the IMDB reviews (which of the ${ANSWERS} most frequent words was removed)`,
  async prepare(flags, log) {
    const data = await loadImdbReviews(flags, log, 3000);
    const cloze = (sequences: Int32Array, reviews: number, seed: number) => {
      const c = imdbCloze({ sequences, reviews, maxLen: data.maxLen, answers: ANSWERS, textLength: TEXT_LENGTH, context: CONTEXT, seed });
      return { x: [sequenceTensor(c.text, c.count, TEXT_LENGTH), sequenceTensor(c.question, c.count, c.questionLength)], y: oneHotTensor(c.answer, ANSWERS), count: c.count };
    };
    const train = cloze(data.xTrain, data.trainCount, flags.seed);
    const test = flags.testSamples !== undefined ? cloze(data.xTest, data.testCount, flags.seed + 1) : undefined;
    return {
      model: buildQaTwoInput({ vocabularySize: flags.maxFeatures, answerCount: ANSWERS, textLength: TEXT_LENGTH, questionLength: 2 * CONTEXT + 1, learningRate: flags.learningRate }),
      x: train.x,
      y: train.y,
      ...(test ? { xTest: test.x, yTest: test.y } : {}),
      data: imdbDataDescription(
        data,
        `cloze: text = a ${TEXT_LENGTH + 1}-word window of a review with one of the ${ANSWERS} most frequent words removed; ` +
          `question = the ${CONTEXT} words either side of the gap around a blank marker; answer = the removed word`,
        train.count,
        test?.count ?? 0,
      ),
      vocabulary: data.vocabulary,
    };
  },
};
