import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLANK_INDEX, FIRST_ANSWER_INDEX, imdbCloze } from '../../../trainer/data/imdb-cloze';
import { imdbPairs } from '../../../trainer/data/imdb-pairs';
import { padSequences } from '../../../trainer/data/pad-sequences';
import { START_INDEX } from '../../../trainer/data/vocabulary';

const MAX_LEN = 30;

/** Reviews as loadImdb returns them: start index, then words, 'pre'-padded. */
function padded(reviews: number[][]): Int32Array {
  return padSequences(reviews.map((words) => [START_INDEX, ...words]), MAX_LEN);
}

const unpad = (row: Int32Array) => Array.from(row).filter((w) => w !== 0);
const rowOf = (values: Int32Array, i: number, length: number) => values.subarray(i * length, (i + 1) * length);

test('the cloze removes one frequent word from a window of the review and asks for it around a blank', () => {
  // Words ≥ 100 are rare; 4..6 are the three most frequent, so each review has exactly one candidate answer.
  const reviews = [
    [100, 101, 102, 5, 103, 104, 105],
    [200, 4, 201, 202],
    [300, 301, 302],
    [400, 401, 6],
  ];
  const cloze = imdbCloze({ sequences: padded(reviews), reviews: reviews.length, maxLen: MAX_LEN, answers: 3, textLength: 10, context: 2, seed: 1 });
  assert.equal(cloze.count, 3, 'the review without a frequent word is skipped');
  assert.equal(cloze.questionLength, 5);
  assert.deepEqual(Array.from(cloze.answer), [5 - FIRST_ANSWER_INDEX, 4 - FIRST_ANSWER_INDEX, 6 - FIRST_ANSWER_INDEX]);
  assert.deepEqual(unpad(rowOf(cloze.text, 0, 10)), [100, 101, 102, 103, 104, 105]);
  assert.deepEqual(unpad(rowOf(cloze.question, 0, 5)), [101, 102, BLANK_INDEX, 103, 104]);
  assert.deepEqual(unpad(rowOf(cloze.text, 1, 10)), [200, 201, 202]);
  assert.deepEqual(unpad(rowOf(cloze.question, 1, 5)), [200, BLANK_INDEX, 201, 202]);
  assert.deepEqual(unpad(rowOf(cloze.question, 2, 5)), [400, 401, BLANK_INDEX]);
  assert.deepEqual(Array.from(rowOf(cloze.question, 2, 5)), [0, 0, 400, 401, BLANK_INDEX], "'pre'-padded like the reviews");
});

test('sentence pairs: half are a snippet and the same snippet with words dropped, half two different reviews', () => {
  // Review r uses only the words r*100 .. r*100+19, so every word says which review it came from.
  const reviews = Array.from({ length: 40 }, (_, r) => Array.from({ length: 20 }, (_, i) => 1000 + r * 100 + i));
  const snippetLength = 8;
  const pairs = imdbPairs({ sequences: padded(reviews), reviews: reviews.length, maxLen: MAX_LEN, snippetLength, seed: 3 });
  const positives = Array.from(pairs.same).filter((s) => s === 1).length;
  assert.ok(positives > 10 && positives < 30, `${positives} of 40 pairs are positives`);
  const reviewOf = (word: number) => Math.floor((word - 1000) / 100);
  pairs.same.forEach((same, i) => {
    const left = unpad(rowOf(pairs.left, i, snippetLength));
    const right = unpad(rowOf(pairs.right, i, snippetLength));
    assert.equal(left.length, snippetLength);
    assert.ok(left.every((w, k) => k === 0 || w === left[k - 1] + 1), 'a snippet is consecutive words of one review');
    assert.ok(left.every((w) => reviewOf(w) === i), 'row i starts from review i');
    if (same) {
      assert.ok(right.every((w) => left.includes(w)), `right ${right} is left ${left} with words dropped`);
      assert.ok(right.every((w, k) => k === 0 || w > right[k - 1]), 'in order');
    } else {
      assert.equal(right.length, snippetLength);
      assert.ok(right.every((w) => reviewOf(w) === reviewOf(right[0]) && reviewOf(w) !== i), 'a snippet of another review');
    }
  });
});
