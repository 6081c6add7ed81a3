import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowsOnScreen } from '../../../lib/view/run/use-row-window';

test('the run list keeps the rows on screen and 15 beyond each edge', () => {
  // The table starts 200 px down a 1,000 px screen: rows 0-13 show (58 px each), 15 more below.
  assert.deepEqual(rowsOnScreen(1_000, 200, 1_000, 58), { from: 0, to: 29 });
  // Scrolled 5,800 px past the table's top: rows 100-117 show.
  assert.deepEqual(rowsOnScreen(1_000, -5_800, 1_000, 58), { from: 85, to: 133 });
});

test('the run list window stays inside the list at its ends and when the list is short or empty', () => {
  assert.deepEqual(rowsOnScreen(1_000, -58_000, 1_000, 58), { from: 985, to: 1_000 });
  assert.deepEqual(rowsOnScreen(1_000, -90_000, 1_000, 58), { from: 985, to: 1_000 });
  assert.deepEqual(rowsOnScreen(5, 100, 1_000, 58), { from: 0, to: 5 });
  assert.deepEqual(rowsOnScreen(0, 100, 1_000, 58), { from: 0, to: 0 });
  // Below the screen: nothing of it shows, the overscan is drawn ahead.
  assert.deepEqual(rowsOnScreen(1_000, 3_000, 1_000, 58), { from: 0, to: 15 });
});
