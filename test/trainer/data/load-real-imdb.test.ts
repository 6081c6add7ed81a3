import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { loadImdb } from '../../../trainer/data/imdb';

const archive = process.env.IMDB_DATA ?? resolve(__dirname, '../../../../shared/data/imdb/aclImdb_v1_labeled.tar.gz');
const skip = existsSync(archive) ? false : `IMDB data not found at ${archive} (set IMDB_DATA to run this test)`;

test('loads the real Large Movie Review Dataset', { skip, timeout: 120_000 }, async (t) => {
  const started = performance.now();
  const data = await loadImdb({ path: archive, numWords: 10_000, maxLen: 200 });
  t.diagnostic(`full load: ${Math.round(performance.now() - started)} ms`);

  assert.equal(data.trainCount, 25_000);
  assert.equal(data.testCount, 25_000);
  const sum = (y: Float32Array) => y.reduce((s, v) => s + v, 0);
  assert.equal(sum(data.yTrain), 12_500);
  assert.equal(sum(data.yTest), 12_500);
  assert.equal(data.xTrain.length, 25_000 * 200);

  const { vocabulary } = data;
  assert.equal(vocabulary.words.length, 10_000);
  assert.deepEqual(vocabulary.words.slice(0, 7), ['<pad>', '<start>', '<oov>', '<unused>', 'the', 'and', 'a']);
  assert.ok(vocabulary.distinctWords > 60_000 && vocabulary.distinctWords < 120_000, `${vocabulary.distinctWords} distinct words`);
  for (let i = 5; i < vocabulary.counts.length; i++) assert.ok(vocabulary.counts[i] <= vocabulary.counts[i - 1]);

  const logOdds = (word: string) => {
    const i = vocabulary.words.indexOf(word);
    return Math.log((vocabulary.positiveDocs[i] + 1) / (vocabulary.negativeDocs[i] + 1));
  };
  assert.ok(logOdds('excellent') > 1 && logOdds('worst') < -1, 'sentiment words lean the expected way');

  let maxIndex = 0;
  for (const v of data.xTrain) maxIndex = Math.max(maxIndex, v);
  assert.equal(maxIndex, 9_999);
  // Reviews shorter than maxLen keep their start index right after the padding.
  const row = Array.from(data.xTrain.subarray(0, 200));
  const firstWord = row.findIndex((v) => v !== 0);
  assert.ok(firstWord === 0 || row[firstWord] === 1, 'a padded row starts with the start index');
});
