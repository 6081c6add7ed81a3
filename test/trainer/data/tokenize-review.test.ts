import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../../trainer/data/tokenize';

test('lowercases and drops punctuation', () => {
  assert.deepEqual(tokenize('Great movie. I LOVED it!!! (10/10)'), ['great', 'movie', 'i', 'loved', 'it', '10', '10']);
});

test('turns <br /> line breaks into spaces instead of gluing words to "br"', () => {
  assert.deepEqual(tokenize('end.<br /><br />Next<br/>line<BR>'), ['end', 'next', 'line']);
});

test('keeps inner apostrophes and drops quoting ones', () => {
  assert.deepEqual(tokenize("Don't say 'never' - the students' teacher wasn't"), [
    "don't",
    'say',
    'never',
    'the',
    'students',
    'teacher',
    "wasn't",
  ]);
});

test('treats typographic and acute-accent apostrophes as apostrophes', () => {
  assert.deepEqual(tokenize('don’t can´t'), ["don't", "can't"]);
});

test('keeps accented letters and digits inside words', () => {
  assert.deepEqual(tokenize('Amélie (2001) was a B-movie? No: 3D-ish.'), ['amélie', '2001', 'was', 'a', 'b', 'movie', 'no', '3d', 'ish']);
});

test('an empty or punctuation-only review has no tokens', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize('... !!! <br />'), []);
});
