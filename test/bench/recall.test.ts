import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knnRecall, sampleRows } from '../../bench/recall';
import { seededRandom } from '../../lib/seeded-random';

// Six points on a line in 3-D; a layout that keeps the order keeps every neighbourhood.
const original = Float32Array.from([0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0, 5, 0, 0]);
const rows = 6;
const all = [0, 1, 2, 3, 4, 5];

test('a layout that keeps the neighbours scores 1', () => {
  const layout = Float32Array.from([0, 0, 10, 0, 20, 0, 30, 0, 40, 0, 50, 0]);
  assert.equal(knnRecall({ original, dim: 3, layout, layoutDim: 2, rows, k: 2, sample: all }), 1);
});

test('a shuffled layout scores by hand-counted overlaps', () => {
  // Layout order along x: 0, 3, 1, 4, 2, 5.
  const layout = Float32Array.from([0, 0, 2, 0, 4, 0, 1, 0, 3, 0, 5, 0]);
  // k=1 (ties keep the lower index): originally 0→1, 1→0, 2→1, 3→2, 4→3, 5→4;
  // in the layout 0→3, 1→3, 2→4, 3→0, 4→1, 5→2. No neighbour kept.
  assert.equal(knnRecall({ original, dim: 3, layout, layoutDim: 2, rows, k: 1, sample: all }), 0);
  // k=2 for row 0: {1,2} vs {3,1} → 1/2; averaged over row 0 alone.
  assert.equal(knnRecall({ original, dim: 3, layout, layoutDim: 2, rows, k: 2, sample: [0] }), 0.5);
});

test('cosine ignores length in the original space', () => {
  const scaled = Float32Array.from([1, 0, 10, 0, 0, 1, 0, 5]);
  const layout = Float32Array.from([0, 0, 0, 1, 9, 9, 9, 10]);
  assert.equal(knnRecall({ original: scaled, dim: 2, layout, layoutDim: 2, rows: 4, k: 1, sample: [0, 1, 2, 3], metric: 'cosine' }), 1);
  assert.equal(knnRecall({ original: scaled, dim: 2, layout, layoutDim: 2, rows: 4, k: 1, sample: [0, 1, 2, 3] }), 0.5);
});

test('sampled rows are distinct, in range and reproducible', () => {
  const a = sampleRows(100, 30, seededRandom(5));
  assert.equal(new Set(a).size, 30);
  assert.ok(a.every((r) => r >= 0 && r < 100));
  assert.deepEqual(a, sampleRows(100, 30, seededRandom(5)));
});
