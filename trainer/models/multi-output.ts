import * as tf from '@tensorflow/tfjs';
import { rmsprop } from './fused-rmsprop';
import { alignMultiOutputEvaluation } from './align-multi-output-evaluation';
import { weightedLoss, type LossName } from './weighted-loss';

export interface MultiOutputArgs {
  /** Token ids of the posts are in [0, vocabularySize). */
  vocabularySize: number;
  postLength: number;
  incomeGroups: number;
  embeddingDim?: number;
  filters?: number;
  learningRate?: number;
  /** Keras loss_weights by output name; the lecture's by default. */
  lossWeights?: Partial<Record<MultiOutputHead, number>>;
}

export type MultiOutputHead = 'age' | 'income' | 'gender';

/** The lecture's losses, by output name. */
export const MULTI_OUTPUT_LOSSES: Record<MultiOutputHead, LossName> = {
  age: 'mse',
  income: 'categorical_crossentropy',
  gender: 'binary_crossentropy',
};

/** The lecture's loss_weights: mse is in squared years, so age is damped and gender boosted. */
export const MULTI_OUTPUT_LOSS_WEIGHTS: Record<MultiOutputHead, number> = { age: 0.25, income: 1, gender: 10 };

/**
 * The lecture's three-headed model: one convnet over a person's posts predicts age
 * (regression), income group (softmax) and gender (sigmoid). Each head also reports its
 * unweighted loss as a metric (`age_mse`, `income_ce`, `gender_ce`), since tfjs logs only
 * the weighted terms as `<head>_loss`.
 */
export function buildMultiOutput(args: MultiOutputArgs): tf.LayersModel {
  const { vocabularySize, postLength, incomeGroups, embeddingDim = 32, filters = 32, learningRate = 0.001 } = args;
  const lossWeights = { ...MULTI_OUTPUT_LOSS_WEIGHTS, ...args.lossWeights };
  const posts = tf.input({ name: 'posts', shape: [postLength], dtype: 'int32' });
  let x = tf.layers.embedding({ name: 'embedding', inputDim: vocabularySize, outputDim: embeddingDim }).apply(posts) as tf.SymbolicTensor;
  x = tf.layers.conv1d({ name: 'conv1d', filters, kernelSize: 5, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.maxPooling1d({ name: 'max_pooling1d', poolSize: 2 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv1d({ name: 'conv1d_1', filters, kernelSize: 5, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.globalMaxPooling1d({ name: 'global_max_pooling1d' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ name: 'dense', units: filters, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  const age = tf.layers.dense({ name: 'age', units: 1 }).apply(x) as tf.SymbolicTensor;
  const income = tf.layers.dense({ name: 'income', units: incomeGroups, activation: 'softmax' }).apply(x) as tf.SymbolicTensor;
  const gender = tf.layers.dense({ name: 'gender', units: 1, activation: 'sigmoid' }).apply(x) as tf.SymbolicTensor;
  const model = tf.model({ name: 'multi_output', inputs: posts, outputs: [age, income, gender] });
  const heads = Object.keys(MULTI_OUTPUT_LOSSES) as MultiOutputHead[];
  model.compile({
    optimizer: rmsprop(learningRate),
    loss: Object.fromEntries(heads.map((h) => [h, weightedLoss(MULTI_OUTPUT_LOSSES[h], lossWeights[h])])),
    // tfjs' typings allow one metric per output; its collectMetrics() takes a list, as Keras does.
    metrics: { age: ['mse'], income: ['ce', 'acc'], gender: ['ce', 'acc'] } as unknown as Record<string, string>,
  });
  return alignMultiOutputEvaluation(model);
}
