import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeReview, escapeMarkdownCell, reviewsMarkdown, truncateReview } from '../../../trainer/callbacks/review-markdown';
import { selectReviews } from '../../../trainer/callbacks/select-reviews';

const rowsOf = (reviews: { row: number }[]) => reviews.map((r) => r.row);

test('the most confidently wrong reviews of each kind and the most confidently right are picked, surest first', () => {
  //                   row:  0      1      2      3      4      5     6      7    8    9      10
  const probabilities = [0.875, 0.625, 0.125, 0.375, 0.75, 0.625, 0.25, 0.5, NaN, 0.875, 0.125];
  const labels = /*    */ [0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0];
  const picked = selectReviews(probabilities, labels, 2);
  assert.deepEqual(rowsOf(picked.falsePositives), [0, 4], 'negative reviews read as positive, p highest first');
  assert.deepEqual(rowsOf(picked.falseNegatives), [2, 3], 'positive reviews read as negative, p lowest first');
  assert.deepEqual(rowsOf(selectReviews(probabilities, labels).falseNegatives), [2, 3, 7], 'p = 0.5 does not read as positive');
  assert.deepEqual(rowsOf(picked.confidentlyRight), [9, 10], 'right, farthest from 0.5 first; a tie keeps the earlier row');
  assert.equal(picked.scored, 10, 'a NaN prediction is in no group');
  assert.equal(picked.right, 4, 'rows 5, 6, 9 and 10');
  assert.deepEqual(picked.falsePositives[0], { row: 0, probability: 0.875, label: 0 });
});

test('fewer reviews than asked for give shorter groups, and no reviews give empty ones', () => {
  const picked = selectReviews([0.9, 0.8], [1, 1]);
  assert.deepEqual([picked.falsePositives, picked.falseNegatives, rowsOf(picked.confidentlyRight)], [[], [], [0, 1]]);
  assert.deepEqual(selectReviews([], []), { falsePositives: [], falseNegatives: [], confidentlyRight: [], scored: 0, right: 0 });
});

test('a review is decoded as the model read it: no padding, <oov> words, a leading … when its start was cut', () => {
  const words = ['<pad>', '<start>', '<oov>', '<unused>', 'the', 'film', 'was', 'dull'];
  assert.equal(decodeReview([0, 0, 1, 4, 5, 6, 2], words), 'the film was <oov>');
  assert.equal(decodeReview([5, 6, 7], words), '… film was dull');
  assert.equal(decodeReview([1, 4, 99], words), 'the #99');
});

test('review text cannot break out of its table cell or inject markup', () => {
  assert.equal(escapeMarkdownCell('a | b\nc'), 'a \\| b c');
  assert.equal(escapeMarkdownCell('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(escapeMarkdownCell('*bold* _it_ `code` [link](x) ~~s~~ \\ &amp;'), '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ \\\\ &amp;amp;');
  assert.equal(truncateReview('one two three four', 12), 'one two …');
  assert.equal(truncateReview('short', 12), 'short');
  assert.equal(truncateReview('x'.repeat(20), 12), `${'x'.repeat(11)} …`);
});

test('the Markdown has a summary line and one table per group, with p, label and escaped text', () => {
  const selection = selectReviews([0.97, 0.2, 0.9], [0, 0, 1]);
  const text = ['a | dull <b>film</b>', 'meh', 'great'];
  const markdown = reviewsMarkdown(selection, (row) => text[row], 3);
  assert.equal(
    markdown,
    [
      '**Epoch 3**: 2 of 3 validation reviews read right (66.7%).',
      '#### Most confidently wrong: negative reviews read as positive\n\n| p(positive) | label | review |\n| ---: | :--- | :--- |\n| 0.970 | negative | a \\| dull &lt;b&gt;film&lt;/b&gt; |',
      '#### Most confidently wrong: positive reviews read as negative\n\n_none_',
      '#### Most confidently right\n\n| p(positive) | label | review |\n| ---: | :--- | :--- |\n| 0.900 | positive | great |\n| 0.200 | negative | meh |',
    ].join('\n\n'),
  );
});
