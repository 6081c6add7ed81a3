import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestDirection, summarizeMetric, summarizeRun } from '../../lib/compare/metric-summary';

test('the better direction follows Keras mode=auto by the tag name', () => {
  for (const tag of ['epoch/val_acc', 'batch/accuracy', 'epoch/val_auc', 'precision', 'epoch/Recall']) assert.equal(bestDirection(tag), 'max', tag);
  for (const tag of ['batch/loss', 'epoch/val_loss', 'mae', 'lr', 'time/epoch_ms']) assert.equal(bestDirection(tag), 'min', tag);
});

test('a loss-like tag is best at its minimum, with the step reached first', () => {
  const summary = summarizeMetric('epoch/val_loss', { steps: [0, 10, 20, 30, 40], values: [0.9, 0.4, 0.6, 0.4, 0.5] });
  assert.deepEqual(summary, {
    tag: 'epoch/val_loss',
    direction: 'min',
    count: 5,
    last: { step: 40, value: 0.5 },
    min: { step: 10, value: 0.4 },
    max: { step: 0, value: 0.9 },
    best: { step: 10, value: 0.4 },
    nonFinite: 0,
    firstNonFinite: null,
  });
});

test('an accuracy-like tag is best at its maximum', () => {
  const summary = summarizeMetric('epoch/val_acc', { steps: Float64Array.of(1, 2, 3), values: Float64Array.of(0.5, 0.8, 0.7) });
  assert.deepEqual(summary.best, { step: 2, value: 0.8 });
  assert.deepEqual(summary.min, { step: 1, value: 0.5 });
});

test('non-finite values are counted, not taken as records, and a NaN last value stays NaN', () => {
  const summary = summarizeMetric('batch/loss', { steps: [1, 2, 3, 4, 5], values: [0.7, Infinity, 0.2, -Infinity, NaN] });
  assert.deepEqual(summary.min, { step: 3, value: 0.2 });
  assert.deepEqual(summary.max, { step: 1, value: 0.7 });
  assert.equal(summary.nonFinite, 3);
  assert.deepEqual(summary.firstNonFinite, { step: 2, value: Infinity });
  assert.equal(summary.last?.step, 5);
  assert.ok(Number.isNaN(summary.last?.value));
});

test('a series of only NaN or no points has no min, max or best', () => {
  const nan = summarizeMetric('loss', { steps: [1], values: [NaN] });
  assert.deepEqual([nan.min, nan.max, nan.best, nan.nonFinite], [null, null, null, 1]);
  const empty = summarizeMetric('loss', { steps: [], values: [] });
  assert.deepEqual([empty.count, empty.last, empty.best, empty.firstNonFinite], [0, null, null, null]);
});

test('summarizeRun gives one summary per tag', () => {
  const summaries = summarizeRun({ 'batch/loss': { steps: [0, 1], values: [2, 1] }, 'batch/acc': { steps: [0, 1], values: [0.2, 0.6] } });
  assert.deepEqual(summaries.map((s) => [s.tag, s.best]), [
    ['batch/loss', { step: 1, value: 1 }],
    ['batch/acc', { step: 1, value: 0.6 }],
  ]);
});
