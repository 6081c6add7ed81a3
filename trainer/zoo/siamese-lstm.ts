import * as tf from '@tensorflow/tfjs';
import { imdbPairs } from '../data/imdb-pairs';
import { sequenceTensor } from '../data/model-data';
import { buildSiameseLstm } from '../models/siamese-lstm';
import type { ModelEntry } from './model-entry';
import { imdbDataDescription, loadImdbReviews } from './imdb-reviews';

const SNIPPET_LENGTH = 40;

export const siameseLstm: ModelEntry = {
  name: 'siamese-lstm',
  description: 'One LSTM instance shared by a left and a right sentence input (sentence similarity): is the right IMDB snippet the left one with words dropped, or another review?',
  async prepare(flags, log) {
    const data = await loadImdbReviews(flags, log, 2000);
    const pairs = (sequences: Int32Array, reviews: number, seed: number) => {
      const p = imdbPairs({ sequences, reviews, maxLen: data.maxLen, snippetLength: SNIPPET_LENGTH, seed });
      return { x: [sequenceTensor(p.left, reviews, SNIPPET_LENGTH), sequenceTensor(p.right, reviews, SNIPPET_LENGTH)], y: tf.tensor2d(p.same, [reviews, 1]) };
    };
    const train = pairs(data.xTrain, data.trainCount, flags.seed);
    const test = flags.testSamples !== undefined ? pairs(data.xTest, data.testCount, flags.seed + 1) : undefined;
    return {
      model: buildSiameseLstm({ vocabularySize: flags.maxFeatures, sentenceLength: SNIPPET_LENGTH, learningRate: flags.learningRate }),
      ...train,
      ...(test ? { xTest: test.x, yTest: test.y } : {}),
      data: imdbDataDescription(
        data,
        `pairs: a random ${SNIPPET_LENGTH}-word snippet of each review on the left; on the right, for half the pairs the same snippet with a quarter of its words dropped (target 1), else a snippet of another review (target 0)`,
        data.trainCount,
        test ? data.testCount : 0,
      ),
      vocabulary: data.vocabulary,
    };
  },
};
