import { seededRandom } from '../../lib/seeded-random';
import { normalRandom } from './normal-random';

export interface ClusteredFeaturesOptions {
  count: number;
  /** Features per sample; the lecture's MLP takes 64. */
  features: number;
  classes: number;
  /** Standard deviation of the noise around each class centre (the centres' is 1). */
  spread?: number;
  /** Draws the class centres: a test set shares its training set's, or it would be another task. */
  centreSeed: number;
  /** Draws the samples around the centres. */
  seed: number;
}

export interface ClusteredFeatures {
  /** Row-major (count × features). */
  x: Float32Array;
  labels: Int32Array;
}

/** Keeps the centres' stream apart from the samples' when both seeds are equal, as for a training set. */
const CENTRE_STREAM = 0x5bd1e995;

/**
 * Gaussian blobs: each class has a random centre and every sample is its class centre plus
 * noise. The noise is wider than the centres, so a single feature says little and the MLP
 * has to combine many of them, yet the classes stay separable.
 */
export function clusteredFeatures(options: ClusteredFeaturesOptions): ClusteredFeatures {
  const { count, features, classes, spread = 1.5, centreSeed, seed } = options;
  const centreNormal = normalRandom(seededRandom(centreSeed ^ CENTRE_STREAM));
  const centres = Array.from({ length: classes }, () => Float32Array.from({ length: features }, centreNormal));
  const uniform = seededRandom(seed);
  const normal = normalRandom(uniform);
  const x = new Float32Array(count * features);
  const labels = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const label = Math.floor(uniform() * classes);
    labels[row] = label;
    for (let f = 0; f < features; f++) x[row * features + f] = centres[label][f] + spread * normal();
  }
  return { x, labels };
}
