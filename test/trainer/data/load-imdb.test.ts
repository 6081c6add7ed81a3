import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadImdb, type ImdbDataset } from '../../../trainer/data/imdb';
import { makeFixtureTarball, makeTempDir, manyReviews, tarAclImdb, writeAclImdb } from './imdb-fixture';

delete process.env.IMDB_DATA;

const rows = (x: Int32Array, maxLen: number) =>
  Array.from({ length: x.length / maxLen }, (_, r) => [...x.subarray(r * maxLen, (r + 1) * maxLen)]);

/** Row/label pairs sorted, to compare datasets independently of the shuffle. */
function examples(x: Int32Array, y: Float32Array, maxLen: number): string[] {
  return rows(x, maxLen)
    .map((row, i) => `${y[i]}:${row.join(',')}`)
    .sort();
}

// Indices with numWords=10: great 4, it 5, bad 6, acting 7, don't 8, film 9; everything else is OOV 2.
const EXPECTED_TRAIN = [
  '1:0,0,1,4,2,2,2,5,4,7,4,2', // great movie i loved it great acting great story
  '1:0,0,0,0,0,1,2,4,9,8,2,5', // a great film don't miss it
  '0:0,0,0,0,1,6,2,6,7,2,2,5', // bad movie bad acting i hated it
  '0:0,0,0,0,1,2,9,6,2,8,2,5', // awful film bad story don't watch it
].sort();
const EXPECTED_TEST = ['1:0,0,0,0,0,0,0,1,4,4,4,2', '0:0,0,0,0,0,0,0,0,1,6,6,9'].sort();

test('loads the fixture tarball like keras imdb.load_data + pad_sequences, ignoring train/unsup', async () => {
  const archive = makeFixtureTarball();
  const data = await loadImdb({ path: archive, numWords: 10, maxLen: 12 });
  assert.equal(data.source, archive);
  assert.equal(data.trainCount, 4);
  assert.equal(data.testCount, 2);
  assert.equal(data.maxLen, 12);
  assert.equal(data.xTrain.length, 4 * 12);
  assert.deepEqual(examples(data.xTrain, data.yTrain, 12), EXPECTED_TRAIN);
  assert.deepEqual(examples(data.xTest, data.yTest, 12), EXPECTED_TEST);
  assert.ok(!data.vocabulary.words.includes('zebra'), 'train/unsup must not feed the vocabulary');
  assert.equal(data.vocabulary.distinctWords, 15);
});

test('truncates long reviews from the front, dropping the start index as Keras does', async () => {
  const data = await loadImdb({ path: makeFixtureTarball(), numWords: 10, maxLen: 5 });
  const firstReview = rows(data.xTrain, 5).find((row) => row.join(',') === '5,4,7,4,2');
  assert.ok(firstReview, 'the first positive review keeps its last 5 indices');
});

test('an extracted folder, its parent and a plain .tar give the same dataset as the tarball', async () => {
  const root = writeAclImdb(join(makeTempDir(), 'src'));
  const plainTar = tarAclImdb(root, join(makeTempDir(), 'imdb.tar'), []);
  const load = (path: string) => loadImdb({ path, numWords: 10, maxLen: 12 });
  const reference = await load(makeFixtureTarball());
  for (const path of [root, join(root, 'aclImdb'), plainTar]) {
    const data = await load(path);
    assert.deepEqual(data.xTrain, reference.xTrain, path);
    assert.deepEqual(data.yTrain, reference.yTrain, path);
    assert.deepEqual(data.xTest, reference.xTest, path);
    assert.deepEqual(data.vocabulary, reference.vocabulary, path);
  }
});

test('the shuffle is seeded: same seed same order, other seed other order', async () => {
  const archive = makeFixtureTarball(manyReviews(50));
  const load = (seed?: number) => loadImdb({ path: archive, numWords: 200, maxLen: 6, seed });
  const [a, b, c] = await Promise.all([load(), load(1337), load(7)]);
  assert.deepEqual(a.xTrain, b.xTrain);
  assert.deepEqual(a.yTrain, b.yTrain);
  assert.notDeepEqual(a.yTrain, c.yTrain);
  assert.deepEqual(examples(a.xTrain, a.yTrain, 6), examples(c.xTrain, c.yTrain, 6));
  // Sorted input would put all 50 negatives first; a shuffle mixes the first half.
  const positivesInFirstHalf = a.yTrain.subarray(0, 50).reduce((s, v) => s + v, 0);
  assert.ok(positivesInFirstHalf > 10 && positivesInFirstHalf < 40, `${positivesInFirstHalf}`);
});

test('sample subsets are a random, roughly balanced slice with the full-training vocabulary', async () => {
  const archive = makeFixtureTarball(manyReviews(100));
  const full = await loadImdb({ path: archive, numWords: 50, maxLen: 6 });
  const subset: ImdbDataset = await loadImdb({ path: archive, numWords: 50, maxLen: 6, trainSamples: 60, testSamples: 20 });
  assert.equal(subset.trainCount, 60);
  assert.equal(subset.testCount, 20);
  assert.equal(subset.xTrain.length, 60 * 6);
  assert.deepEqual(subset.xTrain, full.xTrain.subarray(0, 60 * 6));
  assert.deepEqual(subset.vocabulary, full.vocabulary);
  const positives = subset.yTrain.reduce((s, v) => s + v, 0);
  assert.ok(positives >= 18 && positives <= 42, `expected a roughly balanced subset, got ${positives}/60 positive`);
  const testPositives = subset.yTest.reduce((s, v) => s + v, 0);
  assert.ok(testPositives >= 4 && testPositives <= 16, `got ${testPositives}/20 positive test reviews`);
});

test('asking for more samples than exist gives them all; nonsense counts are rejected', async () => {
  const archive = makeFixtureTarball();
  const data = await loadImdb({ path: archive, numWords: 10, maxLen: 4, trainSamples: 1000 });
  assert.equal(data.trainCount, 4);
  await assert.rejects(loadImdb({ path: archive, numWords: 10, maxLen: 4, trainSamples: 0 }), /trainSamples must be a positive integer/);
});

test('errors name the problem: missing path, wrong layout, archive without reviews', async () => {
  await assert.rejects(loadImdb({ path: '/nonexistent/imdb', numWords: 10, maxLen: 4 }), /IMDB data not found: \/nonexistent\/imdb \(from --data\) does not exist/);
  const empty = makeTempDir();
  await assert.rejects(loadImdb({ path: empty, numWords: 10, maxLen: 4 }), /is not an aclImdb layout: expected train\/\{pos,neg\}/);
  const notReviews = tarAclImdb(writeAclImdb(makeTempDir(), { README: 'hello' }), join(makeTempDir(), 'other.tar.gz'));
  await assert.rejects(loadImdb({ path: notReviews, numWords: 10, maxLen: 4 }), /other\.tar\.gz is not an aclImdb layout: no reviews in train\/neg/);
});
