import * as tf from '@tensorflow/tfjs';
import { clusteredFeatures } from '../data/clustered-features';
import { oneHotTensor } from '../data/model-data';
import type { MlpArgs } from '../models/mlp-sequential';
import type { TrainFlags } from '../flags';
import { generatedSplits } from './generated-data';
import type { PreparedTraining } from './model-entry';

const FEATURES = 64;
const CLASSES = 10;
const DEFAULT_SAMPLES = 4000;

/** Both MLP entries train on the same generated blobs, so their runs compare like for like. */
export function prepareClusteredMlp(flags: TrainFlags, build: (args: MlpArgs) => tf.LayersModel): PreparedTraining {
  const splits = generatedSplits(flags, DEFAULT_SAMPLES);
  const tensors = (split: { count: number; seed: number }) => {
    const { x, labels } = clusteredFeatures({ count: split.count, features: FEATURES, classes: CLASSES, seed: split.seed });
    return { x: tf.tensor2d(x, [split.count, FEATURES]), y: oneHotTensor(labels, CLASSES) };
  };
  const train = tensors(splits.train);
  const test = splits.test && tensors(splits.test);
  return {
    model: build({ inputDim: FEATURES, classes: CLASSES, learningRate: flags.learningRate }),
    ...train,
    ...(test ? { xTest: test.x, yTest: test.y } : {}),
    data: {
      dataset: `generated: ${CLASSES} Gaussian blobs in ${FEATURES} dimensions (class centres ~N(0, 1), noise σ 1.5)`,
      trainSamples: splits.train.count,
      testSamples: splits.test?.count ?? 0,
    },
  };
}
