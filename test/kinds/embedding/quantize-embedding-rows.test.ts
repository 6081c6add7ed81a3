import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosineIndex, nearestNeighbors } from '../../../lib/kinds/embedding/neighbors';
import { decodeQ9Rows, encodeQ9Rows, q9RowBytes } from '../../../lib/kinds/embedding/row-quantized';
import { clusteredEmbedding } from '../../helpers/clustered-embedding';

function roundTrip(values: Float32Array, rows: number, dim: number): Float32Array {
  const out = new Float32Array(rows * dim);
  decodeQ9Rows(encodeQ9Rows(values, rows, dim), rows, dim, out, 0);
  return out;
}

test('9-bit rows take 4 + dim + dim/8 bytes a row and come back within max|row| / 510 of each value', () => {
  const rows = 300;
  const dim = 50;
  const values = clusteredEmbedding({ rows, dim, clusters: 7, spreadDims: 3, noise: 0.3, seed: 3 });
  // A zero row (padding), a row of one sign, and one spanning six orders of magnitude.
  values.fill(0, 0, dim);
  for (let t = 0; t < dim; t++) values[dim + t] = 1 + t;
  for (let t = 0; t < dim; t++) values[2 * dim + t] = (t % 2 ? -1 : 1) * 10 ** ((t % 7) - 3);
  assert.equal(encodeQ9Rows(values, rows, dim).length, rows * (4 + dim + 7));
  assert.equal(q9RowBytes(80_000, 128), 11_840_000, 'the whole IMDB vocabulary at 128 in under 12 MB');
  const back = roundTrip(values, rows, dim);
  for (let r = 0; r < rows; r++) {
    const row = values.subarray(r * dim, (r + 1) * dim);
    const max = Math.max(...row.map(Math.abs));
    // Half a level, plus the float32 rounding of the scale and of the decoded value.
    const bound = max / 510 + max * 2 ** -20;
    for (let t = 0; t < dim; t++) {
      const error = Math.abs(back[r * dim + t] - row[t]);
      assert.ok(error <= bound, `row ${r}, column ${t}: off by ${error}, bound ${bound}`);
    }
  }
  assert.deepEqual(Array.from(back.subarray(0, dim)), new Array(dim).fill(0));
  assert.equal(back[dim + dim - 1], values[dim + dim - 1], "a row's largest value is exact");
});

test('cosine neighbours from 9-bit rows match those from float32 (recall@10 >= 0.99)', () => {
  const rows = 3000;
  const dim = 64;
  const values = clusteredEmbedding({ rows, dim, clusters: 30, spreadDims: 4, noise: 0.3, seed: 5 });
  const exact = cosineIndex(values, rows, dim);
  const stored = cosineIndex(roundTrip(values, rows, dim), rows, dim);
  let found = 0;
  let asked = 0;
  for (let word = 0; word < rows; word += 7) {
    const truth = new Set(nearestNeighbors(exact, word, 10).map((n) => n.index));
    for (const n of nearestNeighbors(stored, word, 10)) if (truth.has(n.index)) found++;
    asked += 10;
  }
  assert.ok(found / asked >= 0.99, `recall@10 ${found / asked}`);
});
