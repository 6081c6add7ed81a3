import * as tf from '@tensorflow/tfjs';
import { buildImdbConv1d } from '../models/imdb-conv1d';
import { loadImdbLogged } from './imdb-reviews';
import type { ModelEntry } from './model-entry';

export const imdbConv1d: ModelEntry = {
  name: 'imdb-conv1d',
  description: "The lecture's IMDB sentiment Conv1D: Embedding → Conv1D → MaxPooling1D → Conv1D → GlobalMaxPooling1D → Dense, on the real reviews",
  async prepare(flags, log) {
    const data = await loadImdbLogged(flags, log, flags.maxLen, flags.trainSamples);
    const { maxLen, learningRate, convFilters, kernelSize, embeddingDim, dropout, optimizer } = flags;
    // Past the training set's vocabulary (81,391 rows with the reserved four) no token id reaches
    // the extra rows: they would train nothing and fill the projector with points of no word.
    const maxFeatures = Math.min(flags.maxFeatures, data.vocabulary.words.length);
    if (maxFeatures < flags.maxFeatures) log(`--max-features ${flags.maxFeatures} is past the vocabulary: the Embedding has its ${maxFeatures} rows`);
    const model = buildImdbConv1d({ maxFeatures, maxLen, learningRate, convFilters, kernelSize, embeddingDim, dropout, optimizer });
    const evaluate = flags.testSamples !== undefined;
    return {
      model,
      x: tf.tensor2d(data.xTrain, [data.trainCount, data.maxLen], 'int32'),
      y: tf.tensor2d(data.yTrain, [data.trainCount, 1]),
      ...(evaluate
        ? { xTest: tf.tensor2d(data.xTest, [data.testCount, data.maxLen], 'int32'), yTest: tf.tensor2d(data.yTest, [data.testCount, 1]) }
        : {}),
      data: {
        dataset: 'IMDB Large Movie Review Dataset (aclImdb v1)',
        source: data.source,
        trainSamples: data.trainCount,
        testSamples: evaluate ? data.testCount : 0,
        distinctWords: data.vocabulary.distinctWords,
      },
      vocabulary: data.vocabulary,
    };
  },
};
