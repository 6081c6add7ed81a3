import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeHistogram } from '../../../lib/kinds/histogram/compute-histogram';
import { withBasisPoints } from '../../../lib/kinds/histogram/basis-points';
import { groupByLayer } from '../../../lib/view/histogram/histogram-slices';
import { mergeByStep } from '../../../lib/view/shared/merge-by-step';

const slice = (step: number, values: number[]) => withBasisPoints({ ...computeHistogram(values), step, wallTime: step });

test('a step both fetched and pushed is held once, the later copy winning, in step order', () => {
  const fetched = [slice(1, [1, 2]), slice(3, [1, 2, 3])];
  const pushed = [slice(3, [5, 6]), slice(2, [0, 1])];
  const merged = mergeByStep(fetched, pushed);
  assert.deepEqual(merged.map((h) => h.step), [1, 2, 3]);
  assert.equal(merged[2].max, 6);
});

test('tags are grouped by their layer, the second path segment', () => {
  assert.deepEqual(groupByLayer(['weights/dense/kernel', 'activations/conv1d', 'weights/conv1d/kernel', 'loose']), [
    { layer: 'conv1d', tags: ['activations/conv1d', 'weights/conv1d/kernel'] },
    { layer: 'dense', tags: ['weights/dense/kernel'] },
    { layer: 'loose', tags: ['loose'] },
  ]);
});
