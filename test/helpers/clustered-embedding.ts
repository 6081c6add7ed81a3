import { seededRandom } from '../../lib/seeded-random';

export interface ClusteredEmbeddingArgs {
  rows: number;
  dim: number;
  clusters: number;
  /** Random directions each cluster spreads along, as words of one topic vary in a few ways. */
  spreadDims: number;
  /** Isotropic noise on every coordinate. */
  noise: number;
  seed: number;
}

/**
 * A seeded mixture of Gaussians standing in for a trained embedding: each cluster spread along its
 * own few random directions plus isotropic noise, so neighbourhoods inside a cluster mean
 * something (bench/projector.ts, and the tests that check neighbours and layouts on it).
 */
export function clusteredEmbedding({ rows, dim, clusters, spreadDims, noise, seed }: ClusteredEmbeddingArgs): Float32Array {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: dim }, () => 4 * gauss()));
  const axes = Array.from({ length: clusters }, () => Float32Array.from({ length: dim * spreadDims }, gauss));
  const out = new Float32Array(rows * dim);
  const z = new Float64Array(spreadDims);
  for (let r = 0; r < rows; r++) {
    const c = Math.floor(random() * clusters);
    for (let q = 0; q < spreadDims; q++) z[q] = gauss();
    for (let t = 0; t < dim; t++) {
      let v = centres[c][t] + noise * gauss();
      for (let q = 0; q < spreadDims; q++) v += axes[c][t * spreadDims + q] * z[q];
      out[r * dim + t] = v;
    }
  }
  return out;
}
