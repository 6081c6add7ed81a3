import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp } from '../../../lib/app-context';
import type { EmbeddingChunk } from '../../../lib/kinds/embedding/meta';
import { tempDir } from '../../helpers/temp-dir';

const rows = 7;
const dim = 4;
const matrix = (step: number) => Float32Array.from({ length: rows * dim }, (_, i) => step * 100 + i / 3);

/** Rows [rowOffset, rowOffset + chunkRows) of the step's matrix. */
function chunk(step: number, rowOffset: number, chunkRows: number, tag = 'embedding'): EmbeddingChunk {
  const values = matrix(step).slice(rowOffset * dim, (rowOffset + chunkRows) * dim);
  return { tag, step, epoch: step / 10, wallTime: 5000 + step, rows, dim, rowOffset, chunkRows, values };
}

function openApp(t: Parameters<typeof tempDir>[0], file = join(tempDir(t), 'e.db')) {
  const app = createApp(file);
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  return { app, file };
}

test('a snapshot is listed and readable only once all its rows arrived, in any order', (t) => {
  const { app } = openApp(t);
  t.after(() => app.store.close());
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 3, 3)), false);
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 6, 1)), false);
  assert.deepEqual(app.tables.embedding.snapshots.list('r'), []);
  assert.equal(app.tables.embedding.snapshots.read('r', 'embedding', 10), null);
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 0, 3)), true, 'the last missing chunk completes it');
  assert.deepEqual(app.tables.embedding.snapshots.list('r'), [{ tag: 'embedding', step: 10, epoch: 1, rows, dim, wallTime: 5010 }]);
  const read = app.tables.embedding.snapshots.read('r', 'embedding', 10)!;
  assert.deepEqual(Array.from(read.matrix), Array.from(matrix(10)));
  assert.deepEqual(read.info, { tag: 'embedding', step: 10, epoch: 1, rows, dim, wallTime: 5010 });
});

test('resending chunks duplicates nothing and never completes a snapshot twice', (t) => {
  const { app } = openApp(t);
  t.after(() => app.store.close());
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 0, 4)), false);
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 0, 4)), false, 'a resend of a stored chunk');
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 4, 3)), true);
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 4, 3)), false, 'a resend after completion');
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 0, 4)), false);
  assert.equal(app.tables.embedding.snapshots.list('r').length, 1);
  assert.deepEqual(Array.from(app.tables.embedding.snapshots.read('r', 'embedding', 10)!.matrix), Array.from(matrix(10)));
});

test('chunks that contradict the stored ones are refused and change nothing', (t) => {
  const { app } = openApp(t);
  t.after(() => app.store.close());
  app.tables.embedding.snapshots.write('r', chunk(10, 0, 4));
  assert.throws(() => app.tables.embedding.snapshots.write('r', chunk(10, 2, 3)), /rows 2-4 overlap the stored rows 0-3/);
  assert.throws(() => app.tables.embedding.snapshots.write('r', chunk(10, 0, 5)), /rows 0-4 overlap the stored rows 0-3/);
  assert.throws(() => app.tables.embedding.snapshots.write('r', { ...chunk(10, 4, 3), rows: 8 }), /is 7 x 4; this chunk says 8 x 4/);
  assert.equal(app.tables.embedding.snapshots.write('r', chunk(10, 4, 3)), true, 'the right chunk still completes it');
  assert.deepEqual(Array.from(app.tables.embedding.snapshots.read('r', 'embedding', 10)!.matrix), Array.from(matrix(10)));
});

test('snapshots are listed by tag then step, and survive reopening the file', (t) => {
  const { app, file } = openApp(t);
  for (const [tag, step] of [['words', 20], ['embedding', 20], ['embedding', 10]] as const) {
    app.tables.embedding.snapshots.write('r', chunk(step, 0, rows, tag));
  }
  app.tables.embedding.snapshots.write('r', chunk(30, 0, 2));
  app.store.close();
  const again = createApp(file);
  t.after(() => again.store.close());
  assert.deepEqual(again.tables.embedding.snapshots.list('r').map((s) => [s.tag, s.step]), [['embedding', 10], ['embedding', 20], ['words', 20]]);
  assert.equal(again.tables.embedding.snapshots.write('r', chunk(30, 2, 5)), true, 'an incomplete snapshot completes after a restart');
  assert.deepEqual(Array.from(again.tables.embedding.snapshots.read('r', 'words', 20)!.matrix), Array.from(matrix(20)));
  assert.equal(again.tables.embedding.snapshots.read('r', 'embedding', 99), null);
  assert.equal(again.tables.embedding.snapshots.read('r', 'nope', 10), null);
  assert.deepEqual(again.tables.scalar.listTags('r'), [], 'embedding tags are not scalar tags');
  assert.deepEqual(again.tables.histogram.listTags('r'), []);
});

test('projections are cached per (snapshot, method, params), failures with their error', (t) => {
  const { app, file } = openApp(t);
  app.tables.embedding.snapshots.write('r', chunk(10, 0, rows));
  const key = { runId: 'r', tag: 'embedding', step: 10, method: 'umap' as const, paramsKey: 'n=15;d=0.1' };
  assert.equal(app.tables.embedding.projections.read(key), null);
  const layout = Float32Array.from({ length: rows * 2 }, (_, i) => i - 3.5);
  app.tables.embedding.projections.write(key, { status: 'ready', layout });
  app.tables.embedding.projections.write({ ...key, paramsKey: 'n=5;d=0.5' }, { status: 'failed', error: 'UMAP failed: out of memory' });
  app.store.close();
  const again = createApp(file);
  t.after(() => again.store.close());
  const cached = again.tables.embedding.projections.read(key);
  assert.equal(cached?.status, 'ready');
  assert.deepEqual(Array.from(cached?.status === 'ready' ? cached.layout : []), Array.from(layout));
  assert.deepEqual(again.tables.embedding.projections.read({ ...key, paramsKey: 'n=5;d=0.5' }), { status: 'failed', error: 'UMAP failed: out of memory' });
  assert.equal(again.tables.embedding.projections.read({ ...key, step: 20 }), null);
});

test('a vocabulary keeps its review totals, and one without them has none', (t) => {
  const { app } = openApp(t);
  t.after(() => app.store.close());
  const vocabulary = { words: ['<pad>', 'good'], counts: [0, 3], positiveDocs: [0, 2], negativeDocs: [0, 1] };
  app.tables.embedding.writeVocabulary('r', { ...vocabulary, positiveReviews: 12, negativeReviews: 13 });
  assert.deepEqual(app.tables.embedding.readVocabulary('r'), { ...vocabulary, positiveReviews: 12, negativeReviews: 13 });
  app.tables.embedding.writeVocabulary('r', vocabulary);
  assert.deepEqual(app.tables.embedding.readVocabulary('r'), vocabulary);
});

test('vocabulary round-trips per run', (t) => {
  const { app } = openApp(t);
  t.after(() => app.store.close());
  app.tables.embedding.writeVocabulary('r', { words: ['<pad>', 'the', '<b>"x"</b>'], counts: [0, 10, 2], positiveDocs: [0, 5, 1], negativeDocs: [0, 4, 0] });
  app.tables.embedding.writeVocabulary('r', { words: ['<pad>', 'the', '<b>"x"</b>'], counts: [0, 10, 2], positiveDocs: [0, 5, 1], negativeDocs: [0, 4, 0] });
  assert.deepEqual(app.tables.embedding.readVocabulary('r')?.words, ['<pad>', 'the', '<b>"x"</b>']);
  assert.deepEqual(app.tables.embedding.readVocabulary('r')?.negativeDocs, [0, 4, 0]);
  assert.equal(app.tables.embedding.readVocabulary('nope'), null);
});
