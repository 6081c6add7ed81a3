import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeHistogram } from '../../../lib/kinds/histogram/compute-histogram';
import { basisPointValues } from '../../../lib/kinds/histogram/basis-points';
import { bucketEdge } from '../../../lib/kinds/histogram/meta';

test('values fall into equal buckets over their range, the maximum in the last one', () => {
  const h = computeHistogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10], 5);
  assert.deepEqual(h.counts, [2, 2, 2, 2, 2]);
  assert.equal(h.min, 0);
  assert.equal(h.max, 10);
  assert.equal(h.count, 10);
  assert.equal(h.sum, 46);
  assert.equal(h.sumSquares, 0 + 1 + 4 + 9 + 16 + 25 + 36 + 49 + 64 + 100);
  assert.equal(bucketEdge(h, 1), 2);
});

test('a constant tensor lands in one bucket of width 1 around its value', () => {
  const h = computeHistogram(new Float32Array(7).fill(3), 5);
  assert.equal(h.min, 2.5);
  assert.equal(h.max, 3.5);
  assert.deepEqual(h.counts, [0, 0, 7, 0, 0]);
});

test('NaN and infinities are counted apart, and the range comes from finite values', () => {
  const h = computeHistogram([NaN, Infinity, -Infinity, Infinity, 1, 2], 2);
  assert.equal(h.nanCount, 1);
  assert.equal(h.posInfCount, 2);
  assert.equal(h.negInfCount, 1);
  assert.equal(h.count, 6);
  assert.deepEqual([h.min, h.max], [1, 2]);
  assert.deepEqual(h.counts, [1, 1]);
  assert.equal(h.sum, 3);
});

test('an empty or all-NaN tensor has zero counts and no range', () => {
  for (const values of [[], [NaN, NaN]]) {
    const h = computeHistogram(values, 4);
    assert.deepEqual(h.counts, [0, 0, 0, 0]);
    assert.deepEqual([h.min, h.max, h.sum], [0, 0, 0]);
  }
  assert.ok(basisPointValues(computeHistogram([], 4)).every(Number.isNaN));
});

test('basis points of a uniform tensor are its percentiles', () => {
  const values = Array.from({ length: 10_000 }, (_, i) => i / 10_000);
  const bands = basisPointValues(computeHistogram(values, 100));
  const expected = [0, 0.0668, 0.1587, 0.3085, 0.5, 0.6915, 0.8413, 0.9332, 0.9999];
  bands.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 2e-3, `band ${i}: ${v} vs ${expected[i]}`));
});
