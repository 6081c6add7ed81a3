import * as tf from '@tensorflow/tfjs';
import { loadImdb } from '../data/imdb';
import { buildImdbConv1d } from '../models/imdb-conv1d';
import type { ModelEntry } from './model-entry';

export const imdbConv1d: ModelEntry = {
  name: 'imdb-conv1d',
  description: "The lecture's IMDB sentiment Conv1D: Embedding → Conv1D → MaxPooling1D → Conv1D → GlobalMaxPooling1D → Dense, on the real reviews",
  async prepare(flags, log) {
    const started = Date.now();
    const data = await loadImdb({
      path: flags.data,
      numWords: flags.maxFeatures,
      maxLen: flags.maxLen,
      trainSamples: flags.trainSamples,
      testSamples: flags.testSamples,
      seed: flags.seed,
      log,
    });
    log(`loaded ${data.trainCount} training reviews from ${data.source} in ${((Date.now() - started) / 1000).toFixed(1)}s (vocabulary ${data.vocabulary.distinctWords} words, kept ${flags.maxFeatures})`);
    const model = buildImdbConv1d({ maxFeatures: flags.maxFeatures, maxLen: flags.maxLen, learningRate: flags.learningRate });
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
