import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelsOf, score, weightedAverage } from '../../../trainer/ensemble/score';

test('sigmoid and softmax predictions are scored by accuracy and clipped log loss', () => {
  const binary = score([0.9, 0.2, 0.6, 0], labelsOf([1, 0, 0, 1], 1), 1);
  assert.equal(binary.acc, 0.5);
  assert.ok(Math.abs(binary.loss - (-Math.log(0.9) - Math.log(0.8) - Math.log(0.4) - Math.log(1e-7)) / 4) < 1e-9);
  const labels = labelsOf([0, 1, 0, 1, 0, 0, 0, 0, 1], 3);
  assert.deepEqual([...labels], [1, 0, 2]);
  const multi = score([0.2, 0.7, 0.1, 0.3, 0.3, 0.4, 0.1, 0.1, 0.8], labels, 3);
  assert.ok(Math.abs(multi.acc - 2 / 3) < 1e-12);
  assert.ok(Math.abs(multi.loss - (-Math.log(0.7) - Math.log(0.3) - Math.log(0.8)) / 3) < 1e-9);
});

test('the ensemble is the weighted average of its members, example by example', () => {
  assert.deepEqual([...weightedAverage([[1, 0.5], [0, 0.25]], [0.75, 0.25])], [0.75, 0.4375]);
});
