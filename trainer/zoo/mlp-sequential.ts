import { buildMlpSequential } from '../models/mlp-sequential';
import { MLP_WASM_THREADS, prepareClusteredMlp } from './clustered-mlp';
import type { ModelEntry } from './model-entry';

export const mlpSequential: ModelEntry = {
  name: 'mlp-sequential',
  description: "The lecture's MLP built with tf.sequential: 64 → Dense 32 relu → Dense 32 relu → Dense 10 softmax, on generated 10-class blobs",
  wasmThreads: MLP_WASM_THREADS,
  async prepare(flags) {
    return prepareClusteredMlp(flags, buildMlpSequential);
  },
};
