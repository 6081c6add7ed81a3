import type * as tf from '@tensorflow/tfjs';
import type { Vocabulary } from '../../lib/kinds/embedding/vocabulary-schema';
import type { ModelData } from '../data/model-data';
import type { TrainFlags } from '../flags';

/**
 * A compiled model with the data it trains on, ready for fit(). A model with several inputs
 * or outputs takes a list (in the model's input/output order) or a map by name.
 */
export interface PreparedTraining {
  model: tf.LayersModel;
  x: ModelData;
  y: ModelData;
  xTest?: ModelData;
  yTest?: ModelData;
  /** What the data is, stored with the run's configuration. */
  data: Record<string, unknown>;
  vocabulary?: Vocabulary;
}

export interface ModelEntry {
  name: string;
  /** One line for `--list`. */
  description: string;
  /**
   * Threads for the wasm backend when TENSORLENS_WASM_THREADS does not say: a model whose
   * kernels are too small to split loses more to the thread pool's hand-offs than it gains.
   */
  wasmThreads?: number;
  prepare(flags: TrainFlags, log: (line: string) => void): Promise<PreparedTraining>;
}
