import { buildMlpFunctional } from '../models/mlp-functional';
import { prepareClusteredMlp } from './clustered-mlp';
import type { ModelEntry } from './model-entry';

export const mlpFunctional: ModelEntry = {
  name: 'mlp-functional',
  description: 'The same MLP built with the functional API (tf.input → layers → tf.model), on the same generated blobs',
  async prepare(flags) {
    return prepareClusteredMlp(flags, buildMlpFunctional);
  },
};
