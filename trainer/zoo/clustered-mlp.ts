import * as tf from '@tensorflow/tfjs';
import { clusteredFeatures } from '../data/clustered-features';
import { oneHotTensor } from '../data/model-data';
import type { MlpArgs } from '../models/mlp-sequential';
import type { TrainFlags } from '../flags';
import { generatedData } from './generated-data';
import type { PreparedTraining } from './model-entry';

const FEATURES = 64;
const CLASSES = 10;
const DEFAULT_SAMPLES = 4000;

/** Both MLP entries train on the same generated blobs, so their runs compare like for like. */
export function prepareClusteredMlp(flags: TrainFlags, build: (args: MlpArgs) => tf.LayersModel): PreparedTraining {
  const { counts, ...tensors } = generatedData(flags, DEFAULT_SAMPLES, ({ count, seed }) => {
    const { x, labels } = clusteredFeatures({ count, features: FEATURES, classes: CLASSES, centreSeed: flags.seed, seed });
    return { x: tf.tensor2d(x, [count, FEATURES]), y: oneHotTensor(labels, CLASSES) };
  });
  return {
    model: build({ inputDim: FEATURES, classes: CLASSES, learningRate: flags.learningRate }),
    ...tensors,
    data: {
      dataset: `generated: ${CLASSES} Gaussian blobs in ${FEATURES} dimensions (class centres ~N(0, 1), noise σ 1.5)`,
      ...counts,
    },
  };
}
