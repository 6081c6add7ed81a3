import { test } from 'node:test';
import assert from 'node:assert/strict';
import { medianStopping, type Curve } from '../../lib/sweep/median-stopping';

/** Values at epochs 0, 1, 2, … */
const curve = (...values: number[]): Curve => values.map((value, epoch) => ({ epoch, value }));

// val_acc of three completed trials (binary fractions, so the averages are exact). Running averages
// at epoch 2: 0.75, 0.5, 0.875 (median 0.75); at epoch 1: 0.625, 0.375, 0.8125 (median 0.625).
const COMPLETED = [curve(0.5, 0.75, 1, 1), curve(0.25, 0.5, 0.75, 0.75), curve(0.75, 0.875, 1, 1)];

test('a trial whose best so far is below the median running average stops', () => {
  const decision = medianStopping(curve(0.5, 0.625, 0.5), COMPLETED, { goal: 'max' });
  assert.deepEqual(decision, { stop: true, best: 0.625, median: 0.75, epoch: 2 });
});

test('the median is of running averages, not of the completed trials\' values at e', () => {
  // 0.8 is below the median of the completed trials' epoch-2 values (1, 0.75, 1) but above the
  // median of their running averages.
  assert.equal(medianStopping(curve(0.5, 0.8, 0.625), COMPLETED, { goal: 'max' }).stop, false);
});

test('only strictly worse stops, and later epochs of the completed trials do not count', () => {
  assert.equal(medianStopping(curve(0.625, 0.75, 0.5), COMPLETED, { goal: 'max' }).stop, false, 'equal to the median');
  const early = medianStopping(curve(0.5, 0.5625), COMPLETED, { goal: 'max' });
  assert.deepEqual(early, { stop: true, best: 0.5625, median: 0.625, epoch: 1 });
});

test('for a loss, lower is better', () => {
  const losses = [curve(1, 0.75, 0.5), curve(1, 0.5, 0.75), curve(1.25, 1, 0.75)];
  // Averages at epoch 2: 0.75, 0.75, 1 → median 0.75.
  assert.deepEqual(medianStopping(curve(1, 1, 0.875), losses, { goal: 'min' }), { stop: true, best: 0.875, median: 0.75, epoch: 2 });
  assert.equal(medianStopping(curve(1, 0.625, 1), losses, { goal: 'min' }).stop, false);
});

test('nothing stops before enough completed trials and epochs', () => {
  const hopeless = curve(0.1, 0.1, 0.1);
  assert.deepEqual(medianStopping(hopeless, COMPLETED.slice(0, 2), { goal: 'max' }), { stop: false, best: 0.1, median: null, epoch: 2 });
  assert.equal(medianStopping(hopeless, COMPLETED.slice(0, 2), { goal: 'max', minTrials: 2 }).stop, true);
  assert.equal(medianStopping(curve(0.1), COMPLETED, { goal: 'max' }).stop, false, 'one epoch of the default two');
  assert.equal(medianStopping(curve(0.1), COMPLETED, { goal: 'max', minEpochs: 1 }).stop, true);
});

test('a completed trial that stopped early counts with the epochs it reported', () => {
  const completed = [curve(0.9), curve(0.9), curve(0.2, 0.3, 0.4)];
  // Averages at epoch 2: 0.9, 0.9, 0.3 → median 0.9.
  assert.equal(medianStopping(curve(0.5, 0.8, 0.85), completed, { goal: 'max' }).median, 0.9);
});

test('NaN is the worst value: a diverged trial stops, a diverged completed trial raises no bar', () => {
  const diverged = medianStopping(curve(0.9, NaN, NaN), [curve(2, 1.5, 1), curve(2, 1.5, 1), curve(2, 1.5, 1)], { goal: 'min' });
  assert.equal(diverged.stop, false, 'its best so far, 0.9, beats the median average 1.5');
  assert.equal(medianStopping(curve(NaN, NaN, NaN), COMPLETED, { goal: 'max' }).stop, true);
  const brokenMedian = medianStopping(curve(3, 3, 3), [curve(1, NaN, 1), curve(1, NaN, 1), curve(1, 1, 1)], { goal: 'min' });
  assert.deepEqual(brokenMedian, { stop: false, best: 3, median: Infinity, epoch: 2 });
});
