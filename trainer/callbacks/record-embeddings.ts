import type * as tf from '@tensorflow/tfjs';
import { tagSafe } from '../../lib/protocol/tag';

export interface EmbeddingWeights {
  /** The layer's name, as Keras' TensorBoard names embeddings; tags may not hold every character names do. */
  tag: string;
  /** input_dim x output_dim, row-major: row i is the vector of token i. */
  matrix: Float32Array;
  rows: number;
  dim: number;
}

/** The matrix of every Embedding layer of the model (Keras' embeddings_freq snapshots these). */
export function embeddingWeights(model: tf.LayersModel): EmbeddingWeights[] {
  return model.layers
    .filter((layer) => layer.getClassName() === 'Embedding')
    .map((layer) => {
      const [rows, dim] = layer.weights[0].shape as [number, number];
      const matrix = layer.weights[0].read().dataSync() as Float32Array;
      return { tag: tagSafe(layer.name), matrix, rows, dim };
    });
}
