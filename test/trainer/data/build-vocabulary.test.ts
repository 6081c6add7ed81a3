import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../../trainer/data/tokenize';
import { encodeReview, OOV_INDEX, START_INDEX, VocabularyBuilder } from '../../../trainer/data/vocabulary';

// Training counts: great 4, it 4, bad 3; acting/don't/film/i/movie/story 2; a/awful/hated/loved/miss/watch 1.
const TRAIN: [string, number][] = [
  ['Great movie. I loved it!<br /><br />Great acting, great story.', 1],
  ["A great film; don't miss it.", 1],
  ['Bad movie. Bad acting... I hated it.', 0],
  ["Awful film, bad story. Don't watch it.", 0],
];
const RANKED = ['great', 'it', 'bad', 'acting', "don't", 'film', 'i', 'movie', 'story', 'a', 'awful', 'hated', 'loved', 'miss', 'watch'];

function builderWithTraining(): { builder: VocabularyBuilder; ids: Int32Array[] } {
  const builder = new VocabularyBuilder();
  const ids = TRAIN.map(([text, label]) => builder.add(tokenize(text), label));
  return { builder, ids };
}

test('ranks by training frequency, ties by word, from index 4 with 0-3 reserved', () => {
  const { vocabulary } = builderWithTraining().builder.build(1000);
  assert.deepEqual(vocabulary.words, ['<pad>', '<start>', '<oov>', '<unused>', ...RANKED]);
  assert.deepEqual(vocabulary.counts, [0, 0, 0, 0, 4, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1]);
  assert.equal(vocabulary.distinctWords, RANKED.length);
  assert.equal(vocabulary.numWords, 1000);
});

test('counts the reviews of each label that contain a word, once per review', () => {
  const { vocabulary } = builderWithTraining().builder.build(1000);
  const docs = (word: string) => {
    const i = vocabulary.words.indexOf(word);
    return [vocabulary.positiveDocs[i], vocabulary.negativeDocs[i]];
  };
  assert.deepEqual(docs('great'), [2, 0]);
  assert.deepEqual(docs('bad'), [0, 2]);
  assert.deepEqual(docs('it'), [2, 2]);
  assert.deepEqual(docs('loved'), [1, 0]);
  assert.deepEqual(vocabulary.positiveDocs.slice(0, 4), [0, 0, 0, 0]);
});

test('num_words keeps indices below it and maps the rest to the OOV index 2', () => {
  const { builder, ids } = builderWithTraining();
  const { vocabulary, indexOf } = builder.build(10);
  assert.deepEqual(vocabulary.words.slice(4), ['great', 'it', 'bad', 'acting', "don't", 'film']);
  // great movie i loved it great acting great story
  assert.deepEqual([...encodeReview(ids[0], indexOf)], [START_INDEX, 4, 2, 2, 2, 5, 4, 7, 4, 2]);
  assert.ok([...ids.flatMap((x) => [...encodeReview(x, indexOf)])].every((i) => i < 10));
});

test('unlabeled (test) reviews neither change the ranking nor get their own indices', () => {
  const { builder } = builderWithTraining();
  const testIds = builder.add(tokenize('zebra zebra zebra great'));
  const { vocabulary, indexOf } = builder.build(1000);
  assert.ok(!vocabulary.words.includes('zebra'));
  assert.equal(vocabulary.counts[4], 4, 'test occurrences of "great" are not counted');
  assert.deepEqual([...encodeReview(testIds, indexOf)], [START_INDEX, OOV_INDEX, OOV_INDEX, OOV_INDEX, 4]);
});

test('a num_words above the vocabulary keeps every word', () => {
  const { vocabulary } = builderWithTraining().builder.build(50_000);
  assert.equal(vocabulary.words.length, 4 + RANKED.length);
});

test('rejects a num_words that leaves no room for words', () => {
  const { builder } = builderWithTraining();
  assert.throws(() => builder.build(3), /numWords must be an integer above 3/);
  assert.throws(() => builder.build(10.5), /numWords must be an integer/);
});

test('an empty review encodes to just the start index', () => {
  const { builder } = builderWithTraining();
  const { indexOf } = builder.build(100);
  assert.deepEqual([...encodeReview(builder.add([]), indexOf)], [START_INDEX]);
});
