import { buildMlpFunctional } from '../models/mlp-functional';
import { MLP_WASM_THREADS, prepareClusteredMlp } from './clustered-mlp';
import type { ModelEntry } from './model-entry';

export const mlpFunctional: ModelEntry = {
  name: 'mlp-functional',
  description: 'The same MLP built with the functional API (tf.input → layers → tf.model), on the same generated blobs',
  wasmThreads: MLP_WASM_THREADS,
  async prepare(flags) {
    return prepareClusteredMlp(flags, buildMlpFunctional);
  },
};
