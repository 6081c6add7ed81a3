import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SqliteStore } from '../../lib/storage/sqlite-store';
import type { EmbeddingChunk } from '../../lib/kinds/embedding/meta';
import { tempDir } from '../helpers/temp-dir';

const rows = 7;
const dim = 4;
const matrix = (step: number) => Float32Array.from({ length: rows * dim }, (_, i) => step * 100 + i / 3);

/** Rows [rowOffset, rowOffset + chunkRows) of the step's matrix. */
function chunk(step: number, rowOffset: number, chunkRows: number, tag = 'embedding'): EmbeddingChunk {
  const values = matrix(step).slice(rowOffset * dim, (rowOffset + chunkRows) * dim);
  return { tag, step, epoch: step / 10, wallTime: 5000 + step, rows, dim, rowOffset, chunkRows, values };
}

function openStore(t: Parameters<typeof tempDir>[0], file = join(tempDir(t), 'e.db')) {
  const store = new SqliteStore(file);
  store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  return { store, file };
}

test('a snapshot is listed and readable only once all its rows arrived, in any order', (t) => {
  const { store } = openStore(t);
  t.after(() => store.close());
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 3, 3)), false);
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 6, 1)), false);
  assert.deepEqual(store.listEmbeddings('r'), []);
  assert.equal(store.readEmbedding('r', 'embedding', 10), null);
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 0, 3)), true, 'the last missing chunk completes it');
  assert.deepEqual(store.listEmbeddings('r'), [{ tag: 'embedding', step: 10, epoch: 1, rows, dim, wallTime: 5010 }]);
  const read = store.readEmbedding('r', 'embedding', 10)!;
  assert.deepEqual(Array.from(read.matrix), Array.from(matrix(10)));
  assert.deepEqual(read.info, { tag: 'embedding', step: 10, epoch: 1, rows, dim, wallTime: 5010 });
});

test('resending chunks duplicates nothing and never completes a snapshot twice', (t) => {
  const { store } = openStore(t);
  t.after(() => store.close());
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 0, 4)), false);
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 0, 4)), false, 'a resend of a stored chunk');
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 4, 3)), true);
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 4, 3)), false, 'a resend after completion');
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 0, 4)), false);
  assert.equal(store.listEmbeddings('r').length, 1);
  assert.deepEqual(Array.from(store.readEmbedding('r', 'embedding', 10)!.matrix), Array.from(matrix(10)));
});

test('chunks that contradict the stored ones are refused and change nothing', (t) => {
  const { store } = openStore(t);
  t.after(() => store.close());
  store.writeEmbeddingChunk('r', chunk(10, 0, 4));
  assert.throws(() => store.writeEmbeddingChunk('r', chunk(10, 2, 3)), /rows 2-4 overlap the stored rows 0-3/);
  assert.throws(() => store.writeEmbeddingChunk('r', chunk(10, 0, 5)), /rows 0-4 overlap the stored rows 0-3/);
  assert.throws(() => store.writeEmbeddingChunk('r', { ...chunk(10, 4, 3), rows: 8 }), /is 7 x 4; this chunk says 8 x 4/);
  assert.equal(store.writeEmbeddingChunk('r', chunk(10, 4, 3)), true, 'the right chunk still completes it');
  assert.deepEqual(Array.from(store.readEmbedding('r', 'embedding', 10)!.matrix), Array.from(matrix(10)));
});

test('snapshots are listed by tag then step, and survive reopening the file', (t) => {
  const { store, file } = openStore(t);
  for (const [tag, step] of [['words', 20], ['embedding', 20], ['embedding', 10]] as const) {
    store.writeEmbeddingChunk('r', chunk(step, 0, rows, tag));
  }
  store.writeEmbeddingChunk('r', chunk(30, 0, 2));
  store.close();
  const again = new SqliteStore(file);
  t.after(() => again.close());
  assert.deepEqual(again.listEmbeddings('r').map((s) => [s.tag, s.step]), [['embedding', 10], ['embedding', 20], ['words', 20]]);
  assert.equal(again.writeEmbeddingChunk('r', chunk(30, 2, 5)), true, 'an incomplete snapshot completes after a restart');
  assert.deepEqual(Array.from(again.readEmbedding('r', 'words', 20)!.matrix), Array.from(matrix(20)));
  assert.equal(again.readEmbedding('r', 'embedding', 99), null);
  assert.equal(again.readEmbedding('r', 'nope', 10), null);
  assert.deepEqual(again.listScalarTags('r'), [], 'embedding tags are not scalar tags');
  assert.deepEqual(again.listHistogramTags('r'), []);
});

test('projections are cached per (snapshot, method, params), failures with their error', (t) => {
  const { store, file } = openStore(t);
  store.writeEmbeddingChunk('r', chunk(10, 0, rows));
  const key = { runId: 'r', tag: 'embedding', step: 10, method: 'umap' as const, paramsKey: 'n=15;d=0.1' };
  assert.equal(store.readProjection(key), null);
  const layout = Float32Array.from({ length: rows * 2 }, (_, i) => i - 3.5);
  store.writeProjection(key, { status: 'ready', layout });
  store.writeProjection({ ...key, paramsKey: 'n=5;d=0.5' }, { status: 'failed', error: 'UMAP failed: out of memory' });
  store.close();
  const again = new SqliteStore(file);
  t.after(() => again.close());
  const cached = again.readProjection(key);
  assert.equal(cached?.status, 'ready');
  assert.deepEqual(Array.from(cached?.status === 'ready' ? cached.layout : []), Array.from(layout));
  assert.deepEqual(again.readProjection({ ...key, paramsKey: 'n=5;d=0.5' }), { status: 'failed', error: 'UMAP failed: out of memory' });
  assert.equal(again.readProjection({ ...key, step: 20 }), null);
});

test('a vocabulary keeps its review totals, and one without them has none', (t) => {
  const { store } = openStore(t);
  t.after(() => store.close());
  const vocabulary = { words: ['<pad>', 'good'], counts: [0, 3], positiveDocs: [0, 2], negativeDocs: [0, 1] };
  store.writeVocabulary('r', { ...vocabulary, positiveReviews: 12, negativeReviews: 13 });
  assert.deepEqual(store.readVocabulary('r'), { ...vocabulary, positiveReviews: 12, negativeReviews: 13 });
  store.writeVocabulary('r', vocabulary);
  assert.deepEqual(store.readVocabulary('r'), vocabulary);
});
