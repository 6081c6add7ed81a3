import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emaSmoothing, EMA_MAX_WEIGHT } from '../../lib/compare/smoothing/ema';
import { runningAverage } from '../../lib/compare/smoothing/running-average';
import { gaussianSmoothing } from '../../lib/compare/smoothing/gaussian';
import { DEFAULT_SMOOTHING, smoothColumn, withSmoothingAmount } from '../../lib/compare/smoothing/smoothing';
import { seededRandom } from '../../lib/seeded-random';

function assertClose(actual: ArrayLike<number>, expected: number[], tolerance = 1e-12): void {
  assert.equal(actual.length, expected.length, 'length');
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!Number.isFinite(e)) assert.ok(Object.is(a, e), `point ${i}: expected ${e}, got ${a}`);
    else assert.ok(Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e)), `point ${i}: expected ${e}, got ${a}`);
  }
}

const steps = (n: number) => Array.from({ length: n }, (_, i) => i);

test('EMA matches values worked out by hand, debiased from the first point', () => {
  // last₁ = 0.4·1 = 0.4, debiased by 1 − 0.6 = 0.4 → 1 (the raw value, not 0.4).
  // last₂ = 0.6·0.4 + 0.4·0.5 = 0.44, debiased by 1 − 0.36 = 0.64 → 0.6875.
  // last₃ = 0.6·0.44 + 0.4·0 = 0.264, debiased by 1 − 0.216 = 0.784.
  assertClose(emaSmoothing([1, 0.5, 0], 0.6), [1, 0.6875, 0.264 / 0.784]);
  assertClose(emaSmoothing([0, 0.5, 1], 0.6), [0, 0.3125, 0.52 / 0.784]);
});

test('EMA starts at the first value whatever the weight, as debiasing promises', () => {
  for (const weight of [0.1, 0.6, 0.9, EMA_MAX_WEIGHT]) assert.equal(emaSmoothing([7, 1, 2], weight)[0], 7);
});

test('EMA leaves NaN and ±Infinity in place and out of the average', () => {
  // The finite points are 1 then 0.5, so the last one is the 0.6875 of the series without gaps.
  assertClose(emaSmoothing([-Infinity, 1, NaN, Infinity, 0.5], 0.6), [-Infinity, 1, NaN, Infinity, 0.6875]);
  assertClose(emaSmoothing([NaN, NaN], 0.6), [NaN, NaN]);
});

test('EMA weight 0 is the identity, and a weight that is not a number counts as 0', () => {
  const values = [1, 0.5, NaN, 0, 3];
  for (const weight of [0, NaN, -1, Infinity, -Infinity]) assertClose(emaSmoothing(values, weight), values, 0);
});

test('EMA clamps a weight above 0.999 instead of freezing at zero as TensorBoard does at 1', () => {
  const w = EMA_MAX_WEIGHT;
  const second = ((1 - w) * w + (1 - w) * 0.5) / (1 - w * w);
  assertClose(emaSmoothing([1, 0.5], 2), [1, second]);
  assertClose(emaSmoothing([1, 0.5], 1), [1, second]);
});

test('EMA returns a constant series exactly, without floating-point noise', () => {
  assert.deepEqual([...emaSmoothing([0.3, 0.3, NaN, 0.3], 0.1)], [0.3, 0.3, NaN, 0.3]);
});

test('EMA reads typed arrays, leaves its input alone and handles an empty series', () => {
  const values = Float64Array.of(1, 0.5, 0);
  assertClose(emaSmoothing(values, 0.6), [1, 0.6875, 0.264 / 0.784]);
  assert.deepEqual([...values], [1, 0.5, 0]);
  assert.equal(emaSmoothing([], 0.6).length, 0);
});

/** The formula point by point, wⁿ as a running product and a division at every point: what the faster EMA must match bit for bit. */
function emaByFormula(values: Float64Array, w: number): Float64Array {
  const out = new Float64Array(values);
  if (values.every((v) => !Number.isFinite(v) || v === values.find(Number.isFinite))) return out;
  let last = 0;
  let wn = 1;
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) continue;
    last = last * w + (1 - w) * out[i];
    wn *= w;
    out[i] = last / (1 - wn);
  }
  return out;
}

test('EMA equals the formula bit for bit on long series with gaps, into a reused buffer too', () => {
  const random = seededRandom(11);
  const reused = new Float64Array(6_000);
  for (let trial = 0; trial < 60; trial++) {
    const values = new Float64Array(6_000).map(() => {
      const r = random();
      return r < 0.01 ? NaN : r < 0.02 ? (r < 0.015 ? Infinity : -Infinity) : (random() - 0.3) * 10 ** (random() * 10 - 5);
    });
    const weight = [0.1, 0.6, 0.9, 0.99, EMA_MAX_WEIGHT, random()][trial % 6];
    const expected = emaByFormula(values, weight);
    for (const actual of [emaSmoothing(values, weight), emaSmoothing(values, weight, reused)]) {
      const first = actual.findIndex((v, i) => !Object.is(v, expected[i]));
      assert.equal(first, -1, `weight ${weight}, point ${first}: ${actual[first]} vs ${expected[first]}`);
    }
  }
});

test('running average cuts its window short at both edges', () => {
  const column = { steps: steps(6), values: [0, 1, 2, 3, 4, 10] };
  assertClose(runningAverage(column, 3), [0.5, 1, 2, 3, 17 / 3, 7]);
  assertClose(runningAverage(column, 5), [1, 1.5, 2, 4, 19 / 4, 17 / 3]);
});

test('running average measures its window in steps, not points', () => {
  // Within one step of 20 there is 21, and nothing else is near anything.
  assertClose(runningAverage({ steps: [0, 10, 20, 21], values: [1, 2, 3, 4] }, 3), [1, 2, 3.5, 3.5]);
});

test('running average keeps non-finite points and leaves them out of their neighbours', () => {
  assertClose(runningAverage({ steps: steps(5), values: [1, NaN, 3, Infinity, 5] }, 3), [1, NaN, 3, Infinity, 5]);
  assertClose(runningAverage({ steps: steps(4), values: [1, -Infinity, 3, 5] }, 5), [2, -Infinity, 3, 4]);
});

test('running average window 1 or less is the identity', () => {
  const column = { steps: steps(3), values: [3, 1, 2] };
  for (const window of [1, 0, -4, NaN]) assertClose(runningAverage(column, window), [3, 1, 2], 0);
});

test('running average does not lose small values once a huge one has left the window', () => {
  assertClose(runningAverage({ steps: steps(5), values: [1e30, 1, 1, 1, 1] }, 3), [5e29, 1e30 / 3, 1, 1, 1]);
});

test('Gaussian weights neighbours by exp(-d²/2σ²) and renormalises where the kernel is cut at an edge', () => {
  const values = [0, 0, 1, 0, 0];
  const w = (d: number) => Math.exp(-(d * d) / 2);
  // Point 0 sees steps 0..3 (3σ), only step 2 is non-zero; the centre sees every point.
  const first = w(2) / (w(0) + w(1) + w(2) + w(3));
  const centre = w(0) / (w(0) + 2 * w(1) + 2 * w(2));
  const smoothed = gaussianSmoothing({ steps: steps(5), values }, 1);
  assertClose([smoothed[0], smoothed[2], smoothed[4]], [first, centre, first]);
});

test('Gaussian weighs fractional distances too', () => {
  const w = (d: number) => Math.exp(-(d * d) / 2);
  const smoothed = gaussianSmoothing({ steps: [0, 0.5, 1], values: [0, 1, 0] }, 1);
  assertClose(smoothed, [w(0.5) / (1 + w(0.5) + w(1)), 1 / (1 + 2 * w(0.5)), w(0.5) / (1 + w(0.5) + w(1))]);
});

test('Gaussian keeps a constant series at the edges instead of pulling it towards zero', () => {
  assertClose(gaussianSmoothing({ steps: steps(5), values: [5, 5, 5, 5, 5] }, 2), [5, 5, 5, 5, 5]);
});

test('Gaussian keeps non-finite points marked and out of the weights', () => {
  assertClose(gaussianSmoothing({ steps: steps(3), values: [1, NaN, 1] }, 1), [1, NaN, 1]);
  const w1 = Math.exp(-1 / 2);
  assertClose(gaussianSmoothing({ steps: steps(3), values: [Infinity, 2, 4] }, 1), [Infinity, (2 + 4 * w1) / (1 + w1), (2 * w1 + 4) / (w1 + 1)]);
});

test('Gaussian σ is in steps: points further than 3σ apart do not mix, σ 0 is the identity', () => {
  assertClose(gaussianSmoothing({ steps: [0, 100, 200], values: [1, 2, 3] }, 10), [1, 2, 3], 0);
  assertClose(gaussianSmoothing({ steps: steps(3), values: [1, 2, 3] }, 0), [1, 2, 3], 0);
});

test('smoothColumn applies the chosen method with its parameter brought into range', () => {
  const column = { steps: steps(3), values: [1, 0.5, 0] };
  assertClose(smoothColumn(column, DEFAULT_SMOOTHING), [1, 0.6875, 0.264 / 0.784]);
  assertClose(smoothColumn(column, { method: 'average', window: 3 }), [0.75, 0.5, 0.25]);
  assertClose(smoothColumn(column, { method: 'average', window: -3 }), [1, 0.5, 0], 0);
  assert.deepEqual(withSmoothingAmount('average', 2.6), { method: 'average', window: 3 });
  assert.deepEqual(withSmoothingAmount('gaussian', NaN), { method: 'gaussian', sigma: 0 });
  assert.deepEqual(withSmoothingAmount('ema', 5), { method: 'ema', weight: EMA_MAX_WEIGHT });
});
