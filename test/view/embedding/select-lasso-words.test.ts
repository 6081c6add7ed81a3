import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boxPolygon, pointInPolygon, rowsInPolygon, type XY } from '../../../lib/view/embedding/lasso';
import { filterSelection, summarizeSelection } from '../../../lib/view/embedding/summarize-selection';

/** An L-shaped lasso: the notch at the top right is outside. */
const L: XY[] = [
  [0, 0],
  [4, 0],
  [4, 2],
  [2, 2],
  [2, 4],
  [0, 4],
];

test('a point is inside the lasso by even-odd crossing, the notch of a concave one outside', () => {
  assert.equal(pointInPolygon(1, 1, L), true);
  assert.equal(pointInPolygon(3, 1, L), true);
  assert.equal(pointInPolygon(1, 3, L), true);
  assert.equal(pointInPolygon(3, 3, L), false, 'the notch');
  assert.equal(pointInPolygon(5, 1, L), false);
  assert.equal(pointInPolygon(-0.1, 1, L), false);
});

test('a figure-of-eight lasso selects both loops and not the crossing\'s outside', () => {
  const eight: XY[] = [
    [0, 0],
    [2, 2],
    [4, 0],
    [4, 4],
    [2, 2],
    [0, 4],
  ];
  assert.equal(pointInPolygon(0.5, 2, eight), true);
  assert.equal(pointInPolygon(3.5, 2, eight), true);
  assert.equal(pointInPolygon(2, 0.5, eight), false);
});

test('the rows inside a lasso or a box, whichever corner the drag started from', () => {
  const points = { x: [1, 3, 3, 1, 9, 0], y: [1, 1, 3, 3, 9, 0.5] };
  assert.deepEqual(rowsInPolygon(points, L), [0, 1, 3, 5]);
  assert.deepEqual(rowsInPolygon(points, boxPolygon([3.5, 3.5], [0.5, 0.8])), [0, 1, 2, 3]);
  assert.deepEqual(rowsInPolygon(points, [[0, 0], [9, 9]]), [], 'two vertices enclose nothing');
});

test('the selection lists its words most frequent first with the total count and mean log-odds, searchable', () => {
  const labels = { words: ['<pad>', 'good', 'great', 'Goodness', 'bad'], counts: [0, 50, 30, 5, 40], logOdds: [0, 1, 1.5, 0.5, -2] };
  const summary = summarizeSelection([3, 1, 2], labels);
  assert.deepEqual(summary.words.map((w) => w.word), ['good', 'great', 'Goodness']);
  assert.equal(summary.totalCount, 85);
  assert.equal(summary.meanLogOdds, 1);
  assert.deepEqual(filterSelection(summary.words, ' GOOD').map((w) => w.word), ['good', 'Goodness']);
  assert.equal(filterSelection(summary.words, '').length, 3);
  assert.equal(summarizeSelection([1], { ...labels, logOdds: null }).meanLogOdds, null);
  assert.deepEqual(summarizeSelection([], labels), { words: [], totalCount: 0, meanLogOdds: null });
});
