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

/**
 * Both MLPs train single-threaded on wasm: their largest product is [128, 64]·[64, 32], and
 * each kernel handed to XNNPACK's pool waits for its second thread, which on a busy machine
 * may not get a core for a whole time slice. On 2 cores (load 8-13) a step took 23-62 ms on
 * one thread against 158-177 ms on two.
 */
export const MLP_WASM_THREADS = 1;

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
