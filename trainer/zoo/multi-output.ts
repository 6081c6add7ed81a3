import * as tf from '@tensorflow/tfjs';
import { oneHotTensor, sequenceTensor } from '../data/model-data';
import { MAX_AGE, MIN_AGE, POSTS_VOCABULARY, syntheticPosts } from '../data/synthetic-posts';
import { buildMultiOutput, MULTI_OUTPUT_LOSS_WEIGHTS } from '../models/multi-output';
import { generatedData } from './generated-data';
import type { ModelEntry } from './model-entry';

const POST_LENGTH = 60;
const INCOME_GROUPS = 4;

export const multiOutput: ModelEntry = {
  name: 'multi-output',
  description: 'One input, three heads: age regression (mse), income group (categorical cross-entropy), gender (binary cross-entropy), weighted by name; generated posts',
  async prepare(flags) {
    const { counts, ...tensors } = generatedData(flags, 2000, ({ count, seed }) => {
      const { posts, age, income, gender } = syntheticPosts({ count, length: POST_LENGTH, incomeGroups: INCOME_GROUPS, seed });
      return {
        x: sequenceTensor(posts, count, POST_LENGTH),
        y: { age: tf.tensor2d(age, [count, 1]), income: oneHotTensor(income, INCOME_GROUPS), gender: tf.tensor2d(gender, [count, 1]) },
      };
    });
    return {
      model: buildMultiOutput({ vocabularySize: POSTS_VOCABULARY, postLength: POST_LENGTH, incomeGroups: INCOME_GROUPS, learningRate: flags.learningRate }),
      ...tensors,
      data: {
        dataset: `generated: ${POST_LENGTH}-token "posts" per person (vocabulary ${POSTS_VOCABULARY}) mixing filler with words typical of the person's income group, gender and age`,
        targets: `age: in decades, uniform in ${MIN_AGE / 10}-${MAX_AGE / 10}; income: ${INCOME_GROUPS} groups; gender: 0/1`,
        lossWeights: MULTI_OUTPUT_LOSS_WEIGHTS,
        ...counts,
      },
    };
  },
};
