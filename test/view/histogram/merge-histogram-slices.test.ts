import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeHistogram } from '../../../lib/kinds/histogram/compute-histogram';
import { groupByLayer, mergeSlices, withBasisPoints } from '../../../lib/view/histogram/histogram-slices';

const slice = (step: number, values: number[]) => withBasisPoints({ ...computeHistogram(values), step, wallTime: step });

test('a step both fetched and pushed is held once, the later copy winning, in step order', () => {
  const fetched = [slice(1, [1, 2]), slice(3, [1, 2, 3])];
  const pushed = [slice(3, [5, 6]), slice(2, [0, 1])];
  const merged = mergeSlices(fetched, pushed);
  assert.deepEqual(merged.map((h) => h.step), [1, 2, 3]);
  assert.equal(merged[2].max, 6);
});

test('pushed histograms get their distribution bands computed: min first, max last', () => {
  const h = slice(1, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(h.basisPoints.length, 9);
  assert.equal(h.basisPoints[0], 0);
  assert.equal(h.basisPoints[8], 9);
  assert.ok(h.basisPoints[4] > 3 && h.basisPoints[4] < 6);
});

test('tags are grouped by their layer, the second path segment', () => {
  assert.deepEqual(groupByLayer(['weights/dense/kernel', 'activations/conv1d', 'weights/conv1d/kernel', 'loose']), [
    { layer: 'conv1d', tags: ['activations/conv1d', 'weights/conv1d/kernel'] },
    { layer: 'dense', tags: ['weights/dense/kernel'] },
    { layer: 'loose', tags: ['loose'] },
  ]);
});
