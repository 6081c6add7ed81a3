import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentimentLogOdds, wordLogOdds } from '../../../lib/kinds/embedding/log-odds';

const even = { positiveReviews: 100, negativeReviews: 100 };

test('a word seen only in positive reviews gets a large but finite score', () => {
  // ln[(9+1)/(100-9+1)] - ln[(0+1)/(100-0+1)] = ln(1010/92)
  assert.ok(Math.abs(wordLogOdds({ positiveDocs: 9, negativeDocs: 0 }, even) - 2.3959170327862647) < 1e-12);
});

test('equal counts are neutral and swapping the sides flips the sign', () => {
  assert.equal(wordLogOdds({ positiveDocs: 2, negativeDocs: 2 }, even), 0);
  const pos = wordLogOdds({ positiveDocs: 7, negativeDocs: 3 }, even);
  const neg = wordLogOdds({ positiveDocs: 3, negativeDocs: 7 }, even);
  assert.ok(pos > 0);
  assert.ok(Math.abs(pos + neg) < 1e-12);
});

test('unbalanced totals are accounted for', () => {
  // 1 of 50 positive vs 5 of 150 negative: ln[(2/50)/(6/146)]
  const totals = { positiveReviews: 50, negativeReviews: 150 };
  assert.ok(Math.abs(wordLogOdds({ positiveDocs: 1, negativeDocs: 5 }, totals) - -0.02702867238791926) < 1e-12);
});

test('reserved indices with no documents score 0 across a vocabulary', () => {
  const words = [
    { positiveDocs: 0, negativeDocs: 0 },
    { positiveDocs: 0, negativeDocs: 0 },
    { positiveDocs: 9, negativeDocs: 0 },
  ];
  const scores = sentimentLogOdds(words, even);
  assert.deepEqual(Array.from(scores.subarray(0, 2)), [0, 0]);
  assert.ok(Math.abs(scores[2] - 2.3959170327862647) < 1e-6);
});

test('a larger prior shrinks scores toward 0', () => {
  const word = { positiveDocs: 9, negativeDocs: 0 };
  assert.ok(Math.abs(wordLogOdds(word, even, 10)) < Math.abs(wordLogOdds(word, even, 1)));
});
