import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorLabels, extentOf, MAX_LABELS, rowsByCount, zoomLabels } from '../../../lib/view/embedding/pick-labels';

/** A 100 x 100 grid of words, one per integer point; row r is at (r % 100, floor(r / 100)) and has count r. */
const SIDE = 100;
const rows = Array.from({ length: SIDE * SIDE }, (_, r) => r);
const points = { x: rows.map((r) => r % SIDE), y: rows.map((r) => Math.floor(r / SIDE)) };
const counts = rows;
const full = extentOf(points);

test('the whole layout on screen names no word', () => {
  assert.deepEqual(full, { x0: 0, x1: 99, y0: 0, y1: 99 });
  assert.deepEqual(zoomLabels(points, rowsByCount(counts), full, full), []);
});

test('a zoomed-in view names its most frequent visible words, never more than the limit', () => {
  const byCount = rowsByCount(counts);
  const view = { x0: 10, x1: 12, y0: 20, y1: 21 };
  // Inside: x 10-12, y 20-21 → rows 2010-2012 and 2110-2112; the most frequent first.
  assert.deepEqual(zoomLabels(points, byCount, view, full), [2112, 2111, 2110, 2012, 2011, 2010]);
  assert.deepEqual(zoomLabels(points, byCount, view, full, 2), [2112, 2111]);
  const quarter = zoomLabels(points, byCount, { x0: 0, x1: 49, y0: 0, y1: 49 }, full);
  assert.equal(quarter.length, MAX_LABELS);
  assert.ok(quarter.every((r) => points.x[r] <= 49 && points.y[r] <= 49));
  assert.equal(quarter[0], 49 * SIDE + 49, 'the most frequent word in view comes first');
});

test('words near the cursor are named nearest first, within a radius measured in pixels', () => {
  // 1 data unit = 10 px across and 20 px up, so two columns away (19 px) is nearer than one row up (20 px).
  const near = cursorLabels(points, { x: 50.1, y: 50 }, { x: 0.1, y: 0.05 });
  assert.deepEqual(near, [5050, 5051, 5049, 5052, 4950, 5150]);
  assert.deepEqual(cursorLabels(points, { x: 50.1, y: 50 }, { x: 0.1, y: 0.05 }, 2), [5050, 5051]);
  assert.deepEqual(cursorLabels(points, { x: 50.5, y: 50.5 }, { x: 1, y: 1 }, 6, 0.4), []);
});
