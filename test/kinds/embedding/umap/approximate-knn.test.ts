import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactKnn } from '../../../../lib/kinds/embedding/umap/knn-graph';
import { approximateKnn } from '../../../../lib/kinds/embedding/umap/nn-descent';
import { seededRandom } from '../../../../lib/seeded-random';

/** 2,000 rows in 10 clusters of 16-D, each spread along two random directions. */
function clustered(rows: number, dim: number): Float32Array {
  const random = seededRandom(21);
  const centres = Array.from({ length: 10 }, () => Array.from({ length: dim }, () => 8 * (random() - 0.5)));
  const out = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    const c = centres[r % 10];
    const u = random() - 0.5;
    const v = random() - 0.5;
    for (let t = 0; t < dim; t++) out[r * dim + t] = c[t] + u * ((t % 3) - 1) + v * ((t % 2) - 0.5) + 0.05 * random();
  }
  return out;
}

for (const [metric, twoThreads] of [['euclidean', false], ['cosine', false], ['euclidean', true], ['cosine', true]] as const) {
  test(`approximate neighbours match the exact ones on clustered rows (${metric}, ${twoThreads ? 'two threads' : 'one thread'})`, () => {
    const rows = 2000;
    const dim = 16;
    const k = 15;
    const x = clustered(rows, dim);
    const exact = exactKnn(x, rows, dim, k, metric);
    const approx = approximateKnn(x, rows, dim, k, metric, seededRandom(1), { trees: 4, leafSize: 24, candidates: 5 }, twoThreads);
    let found = 0;
    for (let r = 0; r < rows; r++) {
      assert.equal(approx.indices[r * k], r, 'each row is its own first neighbour');
      const truth = new Set(exact.indices.subarray(r * k, (r + 1) * k));
      for (let j = 0; j < k; j++) if (truth.has(approx.indices[r * k + j])) found++;
      for (let j = 1; j < k; j++) assert.ok(approx.distances[r * k + j - 1] <= approx.distances[r * k + j]);
    }
    assert.ok(found / (rows * k) > 0.99, `graph recall ${found / (rows * k)}`);
  });
}
