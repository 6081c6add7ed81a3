import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optimizeOnTwoThreads } from '../../../../lib/kinds/embedding/umap/two-thread-optimize';
import { planUmap } from '../../../../lib/kinds/embedding/umap/umap-compute';
import { clusteredEmbedding } from '../../../helpers/clustered-embedding';

const rows = 600;
const dim = 16;

/** Share of rows whose nearest other row in the layout is from the same cluster (clusters by row % 3). */
function sameClusterNearest(layout: Float32Array): number {
  let same = 0;
  for (let i = 0; i < rows; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < rows; j++) {
      const d = j === i ? Infinity : (layout[2 * i] - layout[2 * j]) ** 2 + (layout[2 * i + 1] - layout[2 * j + 1]) ** 2;
      if (d < bestD) [best, bestD] = [j, d];
    }
    if (best % 3 === i % 3) same++;
  }
  return same / rows;
}

/** Three far-apart clusters, interleaved by row so both threads' halves of the edges span all of them. */
function threeClusters(): Float32Array {
  const noise = clusteredEmbedding({ rows, dim, clusters: 1, spreadDims: 2, noise: 0.3, seed: 6 });
  for (let r = 0; r < rows; r++) noise[r * dim + (r % 3)] += 40;
  return noise;
}

test('two threads sharing the layout keep clusters apart and report every epoch of their own', async () => {
  const plan = planUmap(threeClusters(), rows, dim, { metric: 'euclidean', nEpochs: 80, seed: 1 });
  const progress: number[] = [];
  const layout = await optimizeOnTwoThreads(plan, (done, total) => {
    assert.equal(total, 80);
    progress.push(done);
  });
  assert.deepEqual(progress, Array.from({ length: 80 }, (_, i) => i + 1));
  assert.ok(layout.every(Number.isFinite));
  const share = sameClusterNearest(layout);
  assert.ok(share > 0.99, `nearest point in the same cluster for ${share} of rows`);
});

test('cancelling stops both threads', async () => {
  const plan = planUmap(threeClusters(), rows, dim, { metric: 'euclidean', nEpochs: 100_000, seed: 1 });
  const progress: number[] = [];
  const layout = await optimizeOnTwoThreads(plan, (done) => {
    progress.push(done);
    return done === 5;
  });
  assert.deepEqual(progress, [1, 2, 3, 4, 5]);
  assert.equal(layout.length, 2 * rows);
});
