import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeHistogram } from '../../../lib/kinds/histogram/compute-histogram';
import { startRun, tempApp } from '../../helpers/temp-app';

test('histograms are stored once per (run, tag, step) and read back in step order', (t) => {
  const app = tempApp(t);
  startRun(app);
  const histograms = app.tables.histogram;
  const at = (step: number, values: number[]) => ({ ...computeHistogram(values, 4), tag: 'weights/dense/kernel', step, wallTime: 1000 + step });
  assert.equal(histograms.write('r', [at(20, [1, 2, 3, NaN]), at(10, [0, 0, 5e9, Infinity])]), 2);
  assert.equal(histograms.write('r', [at(20, [1, 2, 3, NaN])]), 0, 'a resend adds nothing');
  const read = histograms.read('r', 'weights/dense/kernel')!;
  assert.deepEqual(read.map((h) => h.step), [10, 20]);
  assert.deepEqual(read[0].counts, [2, 0, 0, 1]);
  assert.equal(read[0].posInfCount, 1);
  assert.equal(read[1].nanCount, 1);
  assert.equal(read[1].sumSquares, 14);
  assert.deepEqual(histograms.listTags('r'), [{ tag: 'weights/dense/kernel', count: 2, firstStep: 10, lastStep: 20 }]);
  assert.deepEqual(app.tables.scalar.listTags('r'), [], 'histogram tags are not scalar tags');
  assert.equal(histograms.read('r', 'nope'), null);
});

test('a histogram step logged again takes the snapshot written last', (t) => {
  const app = tempApp(t);
  startRun(app);
  const histograms = app.tables.histogram;
  const at = (step: number, values: number[], wallTime = 1000 + step) => ({ ...computeHistogram(values, 2), tag: 'w', step, wallTime });
  assert.equal(histograms.write('r', [at(1, [0, 1]), at(1, [5, 6, 7])]), 1);
  assert.equal(histograms.write('r', [at(1, [2, 2, 2, 2], 9000)]), 0);
  const [read] = histograms.read('r', 'w')!;
  assert.deepEqual([read.count, read.sum, read.wallTime], [4, 8, 9000]);
  assert.deepEqual(histograms.listTags('r'), [{ tag: 'w', count: 1, firstStep: 1, lastStep: 1 }]);
});
