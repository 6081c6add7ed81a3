import type * as tf from '@tensorflow/tfjs';
import type { Vocabulary } from '../../lib/protocol/vocabulary-schema';
import type { TrainFlags } from '../flags';

/** A compiled model with the data it trains on, ready for fit(). */
export interface PreparedTraining {
  model: tf.LayersModel;
  x: tf.Tensor;
  y: tf.Tensor;
  xTest?: tf.Tensor;
  yTest?: tf.Tensor;
  /** What the data is, stored with the run's configuration. */
  data: Record<string, unknown>;
  vocabulary?: Vocabulary;
}

export interface ModelEntry {
  name: string;
  /** One line for `--list`. */
  description: string;
  prepare(flags: TrainFlags, log: (line: string) => void): Promise<PreparedTraining>;
}
