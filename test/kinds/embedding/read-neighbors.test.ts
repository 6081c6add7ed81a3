import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp } from '../../../lib/app-context';
import { readNeighbors } from '../../../lib/kinds/embedding/read-neighbors';
import { wordTable } from '../../../lib/kinds/embedding/reader';
import { clusteredEmbedding } from '../../helpers/clustered-embedding';
import { tempDir } from '../../helpers/temp-dir';

const rows = 40;
const dim = 8;
const words = ['<pad>', 'the', 'good', 'bad', 'great', 'awful', '#30', ...Array.from({ length: 23 }, (_, i) => `w${i}`)];

function openApp(t: Parameters<typeof tempDir>[0], sentiment: boolean) {
  const app = createApp(join(tempDir(t), 'e.db'));
  t.after(() => app.store.close());
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  const docs = sentiment
    ? { positiveDocs: words.map((_, i) => (i * 7) % 11), negativeDocs: words.map((_, i) => (i * 5) % 13), positiveReviews: 20, negativeReviews: 30 }
    : {};
  app.store.transaction(() => app.tables.embedding.writeVocabulary('r', { words, counts: words.map((_, i) => 100 - i), ...docs }));
  const values = clusteredEmbedding({ rows, dim, clusters: 3, spreadDims: 2, noise: 0.3, seed: 4 });
  app.store.transaction(() =>
    app.tables.embedding.snapshots.write('r', { tag: 'embedding', step: 1, epoch: 1, wallTime: 1, rows, dim, rowOffset: 0, chunkRows: rows, values }),
  );
  return { store: app.store, tables: app.tables.embedding };
}

for (const sentiment of [true, false]) {
  test(`neighbours carry the words, counts and log-odds the projector's word table has (${sentiment ? 'with' : 'without'} review counts)`, (t) => {
    const data = openApp(t, sentiment);
    const table = wordTable(data.tables.readVocabulary('r'), rows);
    for (const word of ['good', 'w3', '#35']) {
      const answer = readNeighbors(data, 'r', 1, { word, k: rows - 1 });
      assert.equal(table.words[answer.index], word);
      assert.equal(answer.neighbors.length, rows - 1);
      for (const n of answer.neighbors) {
        assert.deepEqual([n.word, n.count, n.logOdds], [table.words[n.index], table.counts[n.index], table.logOdds?.[n.index] ?? null], `row ${n.index}`);
      }
    }
  });
}

test('a word names its first row; #row names only rows past the vocabulary', (t) => {
  const data = openApp(t, false);
  assert.equal(readNeighbors(data, 'r', 1, { word: '#30', k: 1 }).index, 6, 'a vocabulary word that looks like a row name');
  assert.equal(readNeighbors(data, 'r', 1, { word: '#39', k: 1 }).index, 39);
  for (const word of ['#3', '#039', '#40', 'zebra']) {
    assert.throws(() => readNeighbors(data, 'r', 1, { word, k: 1 }), /is not among the 40 rows/, word);
  }
});
