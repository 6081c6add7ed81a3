import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeHistogram } from '../../../lib/kinds/histogram/compute-histogram';
import { HistogramBinner, type TensorValues } from '../../../lib/kinds/histogram/histogram-binner';

function randomValues(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out[i] = (s / 2 ** 31 - 0.5) * 7;
  }
  return out;
}

test('a worker thread bins every tensor exactly as computeHistogram does here, in tag order', async (t) => {
  const binner = new HistogramBinner();
  t.after(() => binner.close());
  const values: TensorValues = {
    'weights/dense/kernel': randomValues(10_000, 1),
    'activations/dense': Float32Array.of(1, NaN, Infinity, -Infinity, -2, 3.5),
    'weights/dense/bias': new Float32Array(5).fill(0.25),
    'activations/empty': new Float32Array(0),
    'activations/ids': Int32Array.of(3, 1, 4, 1, 5, 9, 2, 6),
  };
  const expected = Object.fromEntries(Object.entries(values).map(([tag, v]) => [tag, computeHistogram(v, 12)]));
  const dense = values['activations/dense'].slice();
  const histograms = await binner.bin(values, 12);
  assert.deepEqual(Object.keys(histograms), Object.keys(values));
  for (const tag of Object.keys(values)) assert.deepEqual(histograms[tag], expected[tag], tag);
  assert.deepEqual(await binner.bin({ a: dense.slice() }), { a: computeHistogram(dense) }, 'the default bucket count');
});

test('the values move to the worker uncopied; arrays sharing a buffer, and a shared buffer, are binned too', async (t) => {
  const binner = new HistogramBinner();
  t.after(() => binner.close());
  const whole = randomValues(1_000, 7);
  const [head, tail] = [whole.subarray(0, 400), whole.subarray(400)];
  const shared = new Float32Array(new SharedArrayBuffer(4 * 300));
  shared.set(randomValues(300, 8));
  const expected = { head: computeHistogram(head), tail: computeHistogram(tail), shared: computeHistogram(shared) };
  assert.deepEqual(await binner.bin({ head, tail, shared }), expected);
  assert.equal(whole.buffer.byteLength, 0, 'the buffer was transferred, not copied');
  assert.equal(shared.length, 300, 'a shared buffer stays where it is');
});

test('jobs in flight together each get their own histograms', async (t) => {
  const binner = new HistogramBinner();
  t.after(() => binner.close());
  const inputs = [1, 2, 3].map((seed) => ({ x: randomValues(50_000, seed) }));
  const expected = inputs.map((v) => computeHistogram(v.x));
  const results = await Promise.all(inputs.map((v) => binner.bin(v)));
  results.forEach((h, i) => assert.deepEqual(h.x, expected[i]));
});

test('a job still in flight when the binner closes fails with a clear error', async () => {
  const binner = new HistogramBinner();
  const pending = binner.bin({ x: randomValues(2_000_000, 4) });
  await binner.close();
  await assert.rejects(pending, /closed/);
});
