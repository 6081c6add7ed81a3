import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fastPow } from '../../../../lib/kinds/embedding/umap/fast-pow';

test('the approximate power stays within 6% of Math.pow over the layout distance range', () => {
  // b for min_dist 0.001..0.5 lies around 0.7-0.95; squared layout distances span ~1e-4..1e4.
  for (const b of [0.7, 0.79, 0.8956, 0.95]) {
    for (let x = 1e-4; x < 1e4; x *= 1.37) {
      const ratio = fastPow(x, b) / Math.pow(x, b);
      assert.ok(Math.abs(ratio - 1) < 0.06, `x=${x} b=${b} ratio ${ratio}`);
    }
  }
});

test('x = 1 gives about 1 and the result grows with x', () => {
  assert.ok(Math.abs(fastPow(1, 0.9) - 1) < 0.01);
  let last = 0;
  for (let x = 0.01; x < 100; x *= 1.1) {
    const y = fastPow(x, 0.9);
    assert.ok(y > last);
    last = y;
  }
});
