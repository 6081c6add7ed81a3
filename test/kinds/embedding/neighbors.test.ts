import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosineIndex, nearestNeighbors } from '../../../lib/kinds/embedding/neighbors';

// Row 0 is padding (zeros); rows 1-4 at known angles from row 1.
const matrix = Float32Array.from([0, 0, /* 1 */ 1, 0, /* 2 */ 2, 2, /* 3 */ 0, 3, /* 4 */ -1, 0.1, /* 5 */ 5, 0.5]);

test('neighbours come best first by cosine, skipping the word and zero rows', () => {
  const index = cosineIndex(matrix, 6, 2);
  const got = nearestNeighbors(index, 1, 10);
  assert.deepEqual(
    got.map((n) => n.index),
    [5, 2, 3, 4],
  );
  assert.ok(Math.abs(got[1].similarity - Math.SQRT1_2) < 1e-6);
  assert.ok(Math.abs(got[2].similarity) < 1e-6);
  assert.ok(got[3].similarity < -0.99);
});

test('k limits the list', () => {
  const got = nearestNeighbors(cosineIndex(matrix, 6, 2), 1, 2);
  assert.deepEqual(
    got.map((n) => n.index),
    [5, 2],
  );
});

test('a zero row has no neighbours and a missing row is an error', () => {
  const index = cosineIndex(matrix, 6, 2);
  assert.deepEqual(nearestNeighbors(index, 0, 5), []);
  assert.throws(() => nearestNeighbors(index, 6, 5), RangeError);
});

test('a larger matrix gives the same top k as ranking every row', () => {
  const rows = 2_000;
  const dim = 32;
  const big = new Float32Array(rows * dim);
  for (let i = 0; i < big.length; i++) big[i] = Math.sin(i * 12.9898) * 43758.5453 % 1;
  const got = nearestNeighbors(cosineIndex(big, rows, dim), 42, 10);
  const cosine = (r: number) => {
    let dot = 0;
    let a = 0;
    let b = 0;
    for (let t = 0; t < dim; t++) {
      dot += big[42 * dim + t] * big[r * dim + t];
      a += big[42 * dim + t] ** 2;
      b += big[r * dim + t] ** 2;
    }
    return dot / Math.sqrt(a * b);
  };
  const ranked = Array.from({ length: rows }, (_, r) => r).filter((r) => r !== 42).sort((p, q) => cosine(q) - cosine(p));
  assert.deepEqual(got.map((n) => n.index), ranked.slice(0, 10));
});
