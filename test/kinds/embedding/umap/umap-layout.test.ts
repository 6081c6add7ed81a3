import { test } from 'node:test';
import assert from 'node:assert/strict';
import { umapLayout } from '../../../../lib/kinds/embedding/umap/umap-compute';
import { seededRandom } from '../../../../lib/seeded-random';
import { projectUmap } from '../../../../lib/kinds/embedding/umap/umap-layout';

const DIM = 8;

/** Two tight clusters far apart: rows 0..n-1 around +5, n..2n-1 around -5. */
function twoClusters(n: number): Float32Array {
  const random = seededRandom(11);
  const out = new Float32Array(2 * n * DIM);
  for (let r = 0; r < 2 * n; r++) {
    for (let t = 0; t < DIM; t++) out[r * DIM + t] = (r < n ? 5 : -5) + random() - 0.5;
  }
  return out;
}

function centroid(layout: Float32Array, from: number, to: number): [number, number] {
  let x = 0;
  let y = 0;
  for (let r = from; r < to; r++) {
    x += layout[2 * r];
    y += layout[2 * r + 1];
  }
  return [x / (to - from), y / (to - from)];
}

/** Largest distance of a point from its own cluster's centroid, over both clusters. */
function spread(layout: Float32Array, n: number): number {
  let worst = 0;
  for (const [from, to] of [[0, n], [n, 2 * n]]) {
    const [cx, cy] = centroid(layout, from, to);
    for (let r = from; r < to; r++) worst = Math.max(worst, Math.hypot(layout[2 * r] - cx, layout[2 * r + 1] - cy));
  }
  return worst;
}

test('the worker separates two clusters and reports every epoch', async () => {
  const n = 100;
  const progress: number[] = [];
  const layout = await projectUmap(twoClusters(n), 2 * n, DIM, {
    metric: 'euclidean',
    nEpochs: 60,
    onProgress: (done, total) => {
      assert.equal(total, 60);
      progress.push(done);
    },
  });
  assert.equal(layout.length, 4 * n);
  assert.ok(layout.every(Number.isFinite));
  assert.deepEqual(progress, Array.from({ length: 60 }, (_, i) => i + 1));
  const [ax, ay] = centroid(layout, 0, n);
  const [bx, by] = centroid(layout, n, 2 * n);
  assert.ok(Math.hypot(ax - bx, ay - by) > 2 * spread(layout, n), 'clusters overlap');
});

test('the same seed gives the same layout', () => {
  const x = twoClusters(50);
  const a = umapLayout(x, 100, DIM, { nEpochs: 30, seed: 5 });
  const b = umapLayout(x, 100, DIM, { nEpochs: 30, seed: 5 });
  assert.deepEqual(a, b);
});

test('a warm start stays near the layout it starts from', () => {
  const n = 100;
  const x = twoClusters(n);
  const first = umapLayout(x, 2 * n, DIM, { nEpochs: 100, seed: 1 });
  const next = umapLayout(x, 2 * n, DIM, { init: first, seed: 2 });
  let moved = 0;
  let extent = 0;
  for (let i = 0; i < first.length; i++) {
    moved = Math.max(moved, Math.abs(next[i] - first[i]));
    extent = Math.max(extent, Math.abs(first[i]));
  }
  assert.ok(moved < 0.5 * extent, `moved ${moved} of ${extent}`);
});

test('aborting terminates the worker and rejects', async () => {
  const controller = new AbortController();
  const run = projectUmap(twoClusters(100), 200, DIM, {
    nEpochs: 100_000,
    signal: controller.signal,
    onProgress: (done) => {
      if (done === 5) controller.abort(new Error('stale snapshot'));
    },
  });
  await assert.rejects(run, /stale snapshot/);
});

test('a bad init size is reported, not thrown in the worker', async () => {
  await assert.rejects(projectUmap(twoClusters(20), 40, DIM, { init: new Float32Array(3) }), /init has 3 values/);
});
