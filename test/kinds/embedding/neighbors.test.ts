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

test('10,000 x 128 answers well within a request', () => {
  const rows = 10_000;
  const dim = 128;
  const big = new Float32Array(rows * dim);
  for (let i = 0; i < big.length; i++) big[i] = Math.sin(i * 12.9898) * 43758.5453 % 1;
  const index = cosineIndex(big, rows, dim);
  const t0 = performance.now();
  const got = nearestNeighbors(index, 42, 10);
  const ms = performance.now() - t0;
  assert.equal(got.length, 10);
  for (let i = 1; i < got.length; i++) assert.ok(got[i - 1].similarity >= got[i].similarity);
  assert.ok(ms < 200, `took ${ms} ms`);
});
