import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colorScale, quantile } from '../../../lib/view/embedding/color-scale';

test('sentiment is a diverging scale symmetric around 0, red at the negative end and blue at the positive', () => {
  const logOdds = [-1.2, -0.4, 0, 0.3, 2.0];
  const scale = colorScale('sentiment', [1, 2, 3, 4, 5], logOdds);
  assert.equal(scale.mode, 'sentiment');
  assert.equal(scale.min, -scale.max);
  assert.ok(scale.max >= 1.2 && scale.max <= 2.0, `max ${scale.max}`);
  assert.deepEqual(scale.values, logOdds);
  assert.deepEqual(scale.text, ['positive', 'negative']);
  assert.match(scale.colors[0], /^#c6/);
  assert.equal(scale.colors.length % 2, 1, 'an odd number of stops puts the neutral colour at 0');
});

test('a few extreme log-odds do not stretch the scale for everyone else', () => {
  const logOdds = [...Array.from({ length: 999 }, (_, i) => ((i % 21) - 10) / 10), 40];
  const scale = colorScale('sentiment', logOdds.map(() => 1), logOdds);
  assert.equal(scale.max, 1);
});

test('a neutral vocabulary still gets a visible range', () => {
  const scale = colorScale('sentiment', [1, 1], [0, 0]);
  assert.equal(scale.max, 0.5);
});

test('frequency is log10(1 + count) from 0, and stands in when there is no sentiment', () => {
  const scale = colorScale('sentiment', [0, 9, 999], null);
  assert.equal(scale.mode, 'frequency');
  assert.deepEqual(scale.values, [0, 1, 3]);
  assert.equal(scale.min, 0);
  assert.equal(scale.max, 3);
  assert.deepEqual(scale.text, ['frequent', 'rare']);
});

test('quantile picks from the sorted values and copes with none', () => {
  assert.equal(quantile([5, 1, 3, 2, 4], 0.5), 3);
  assert.equal(quantile([5, 1], 1), 5);
  assert.equal(quantile([], 0.9), 0);
});
