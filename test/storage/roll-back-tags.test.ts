import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestHarness } from '../helpers/ingest-harness';
import { injectStorageFault } from '../helpers/storage-fault';

const scalars = (tag: string, steps: number[], value: number) => ({
  v: 1, seq: 5, type: 'scalars', runId: 'run-1', points: [{ tag, steps, wallTimes: steps.map(() => 1000), values: steps.map(() => value) }],
});
const histograms = (tag: string, step: number) => ({
  v: 1, seq: 6, type: 'histograms', runId: 'run-1',
  histograms: [{ tag, step, wallTime: 1, min: 0, max: 1, count: 1, sum: 0.5, sumSquares: 0.25, nanCount: 0, posInfCount: 0, negInfCount: 0, counts: [1] }],
});

test('a write that rolls back leaves no tag behind to merge with the next new one', (t) => {
  const { app, send } = ingestHarness(t);
  const fault = injectStorageFault(app.store.path, 'scalars');
  assert.match(JSON.stringify(send(scalars('ghost', [1], 9))), /"code":"storage".*database or disk is full/);
  fault.heal();
  assert.equal(send(scalars('newtag', [1, 2, 3], 1)).type, 'ack');
  assert.equal(send(scalars('ghost', [1, 2, 3, 4], 2)).type, 'ack');
  assert.deepEqual(app.read.scalar.tags('run-1').map((i) => [i.tag, i.count, i.lastStep, i.last[2]]), [['ghost', 4, 4, 2], ['newtag', 3, 3, 1]]);
  assert.deepEqual(app.read.scalar.series('run-1', 'newtag', 10).points.map(([step, , value]) => [step, value]), [[1, 1], [2, 1], [3, 1]]);
});

test("a rolled-back histogram tag does not capture a later tag's snapshots either", (t) => {
  const { app, send } = ingestHarness(t);
  const fault = injectStorageFault(app.store.path, 'histograms');
  assert.equal(send(histograms('ghost', 1)).type, 'error');
  fault.heal();
  assert.equal(send(histograms('dense/kernel', 1)).type, 'ack');
  assert.equal(send(histograms('ghost', 2)).type, 'ack');
  assert.deepEqual(app.read.histogram.tags('run-1').map((i) => [i.tag, i.count]), [['dense/kernel', 1], ['ghost', 1]]);
});
