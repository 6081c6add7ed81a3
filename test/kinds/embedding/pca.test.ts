import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pca2d } from '../../../lib/kinds/embedding/pca';
import { seededRandom } from '../../../lib/seeded-random';

/** Points spread 10 along `major`, 3 along `minor`, 0.1 along everything else, off-centre. */
function elongated(rows: number, dim: number, major: number[], minor: number[]): Float32Array {
  const random = seededRandom(7);
  const out = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    const a = 10 * (random() * 2 - 1);
    const b = 3 * (random() * 2 - 1);
    for (let t = 0; t < dim; t++) out[r * dim + t] = 5 + a * major[t] + b * minor[t] + 0.1 * (random() * 2 - 1);
  }
  return out;
}

function unit(v: number[]): number[] {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

test('the first axis follows the dominant direction and the second the next one', () => {
  const dim = 8;
  const major = unit([1, 1, 0, 0, 0, 0, 0, 0]);
  const minor = unit([0, 0, 1, -1, 0, 0, 0, 0]);
  const rows = 2000;
  const x = elongated(rows, dim, major, minor);
  const out = pca2d(x, rows, dim);
  // Projections onto the true axes, centred, should match the PCA coordinates up to sign.
  let meanA = 0;
  let meanB = 0;
  const trueA = new Float64Array(rows);
  const trueB = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < dim; t++) {
      trueA[r] += x[r * dim + t] * major[t];
      trueB[r] += x[r * dim + t] * minor[t];
    }
    meanA += trueA[r] / rows;
    meanB += trueB[r] / rows;
  }
  let errA = 0;
  let errB = 0;
  for (let r = 0; r < rows; r++) {
    errA = Math.max(errA, Math.abs(Math.abs(out[2 * r]) - Math.abs(trueA[r] - meanA)));
    errB = Math.max(errB, Math.abs(Math.abs(out[2 * r + 1]) - Math.abs(trueB[r] - meanB)));
  }
  assert.ok(errA < 0.2, `first axis off by ${errA}`);
  assert.ok(errB < 0.3, `second axis off by ${errB}`);
});

test('axis signs come from the covariance, not the start: negated data lands point-mirrored', () => {
  const dim = 4;
  const rows = 500;
  const x = elongated(rows, dim, unit([1, 2, 0, 0]), unit([0, 0, 1, 0]));
  const negated = x.map((v) => -v);
  const a = pca2d(x, rows, dim);
  const b = pca2d(negated, rows, dim);
  // Negating the data leaves the covariance, and so the signed axes, unchanged.
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] + b[i]) < 1e-3);
});
