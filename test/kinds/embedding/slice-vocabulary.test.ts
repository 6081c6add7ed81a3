import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp } from '../../../lib/app-context';
import { vocabularySlices } from '../../../lib/kinds/embedding/vocabulary-slices';
import { vocabularyMessageSchema } from '../../../lib/kinds/embedding/schema';
import type { Vocabulary } from '../../../lib/kinds/embedding/vocabulary-schema';
import { MAX_MESSAGE_BYTES } from '../../../lib/protocol/version';
import { tempDir } from '../../helpers/temp-dir';

/** As many words as the IMDB training set holds, plus the four reserved rows. */
const WORDS = 81_391;

function vocabulary(size: number): Vocabulary {
  const rows = Array.from({ length: size }, (_, i) => i);
  return {
    words: rows.map((i) => `word-${i.toString(36)}-ünïcode`),
    counts: rows.map((i) => 1_000_000 - i),
    positiveDocs: rows.map((i) => 12_500 - (i % 12_500)),
    negativeDocs: rows.map((i) => i % 12_500),
    positiveReviews: 12_500,
    negativeReviews: 12_500,
  };
}

function openApp(t: Parameters<typeof tempDir>[0]) {
  const app = createApp(join(tempDir(t), 'v.db'));
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  t.after(() => app.store.close());
  return app;
}

test('a whole IMDB vocabulary goes as valid messages under the size limit, and reads back whole in any order', (t) => {
  const whole = vocabulary(WORDS);
  const slices = vocabularySlices(whole);
  assert.ok(slices.length > 1);
  for (const slice of slices) {
    const message = { v: 1, seq: 1, type: 'vocabulary', runId: 'r', vocabulary: slice };
    assert.ok(Buffer.byteLength(JSON.stringify(message)) <= MAX_MESSAGE_BYTES, `slice at ${slice.offset} is too large`);
    assert.equal(vocabularyMessageSchema.safeParse(message).success, true);
  }
  const app = openApp(t);
  for (const slice of [...slices].reverse()) app.tables.embedding.writeVocabulary('r', slice);
  assert.deepEqual(app.tables.embedding.readVocabulary('r'), whole);
});

test('a missing slice hides the rows after it; a smaller vocabulary replaces a larger one', (t) => {
  const app = openApp(t);
  const slices = vocabularySlices(vocabulary(WORDS));
  app.tables.embedding.writeVocabulary('r', slices[0]);
  app.tables.embedding.writeVocabulary('r', slices[2]);
  assert.equal(app.tables.embedding.readVocabulary('r')!.words.length, slices[0].words.length);
  app.tables.embedding.writeVocabulary('r', vocabulary(10));
  assert.deepEqual(app.tables.embedding.readVocabulary('r'), vocabulary(10));
});

test('a slice that runs past its total is refused', () => {
  const bad = { ...vocabulary(3), offset: 2, total: 4 };
  const result = vocabularyMessageSchema.safeParse({ v: 1, seq: 1, type: 'vocabulary', runId: 'r', vocabulary: bad });
  assert.equal(result.success, false);
  assert.match(result.error!.issues[0].message, /offset \+ words must not pass total/);
});
