import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createApp } from '../../../lib/app-context';
import { chunkRowsFor, EmbeddingChunk } from '../../../lib/kinds/embedding/meta';
import { readNeighbors } from '../../../lib/kinds/embedding/read-neighbors';
import { COMPACT_FROM_VALUES, q9RowBytes } from '../../../lib/kinds/embedding/row-quantized';
import { clusteredEmbedding } from '../../helpers/clustered-embedding';
import { tempDir } from '../../helpers/temp-dir';

const dim = 64;
const rows = COMPACT_FROM_VALUES / dim;

function openApp(file: string) {
  const app = createApp(file);
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  return app;
}

/** Stores the whole matrix as the trainer sends it, in consecutive chunks. */
function store(app: ReturnType<typeof createApp>, matrix: Float32Array, rowCount: number, step = 10): void {
  const chunkRows = chunkRowsFor(dim);
  for (let rowOffset = 0; rowOffset < rowCount; rowOffset += chunkRows) {
    const n = Math.min(chunkRows, rowCount - rowOffset);
    const values = matrix.slice(rowOffset * dim, (rowOffset + n) * dim);
    const chunk: EmbeddingChunk = { tag: 'embedding', step, epoch: 1, wallTime: 5000, rows: rowCount, dim, rowOffset, chunkRows: n, values };
    app.store.transaction(() => app.tables.embedding.snapshots.write('r', chunk));
  }
}

function storedBytes(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT sum(length(data)) AS bytes FROM embedding_chunks`).get() as { bytes: number }).bytes;
  } finally {
    db.close();
  }
}

test('a large snapshot is stored as 9-bit rows and reads back within each row’s error bound', (t) => {
  const file = join(tempDir(t), 'e.db');
  const app = openApp(file);
  t.after(() => app.store.close());
  const matrix = clusteredEmbedding({ rows, dim, clusters: 12, spreadDims: 3, noise: 0.3, seed: 9 });
  store(app, matrix, rows);
  assert.equal(storedBytes(file), q9RowBytes(rows, dim), 'a float32 scale and 9 bits a value per row');
  const read = app.tables.embedding.snapshots.read('r', 'embedding', 10)!;
  assert.equal(read.matrix.length, rows * dim);
  for (let r = 0; r < rows; r += 97) {
    const row = matrix.subarray(r * dim, (r + 1) * dim);
    const max = Math.max(...row.map(Math.abs));
    // Half a level, plus the float32 rounding of the scale and of the decoded value.
    const bound = max / 510 + max * 2 ** -20;
    for (let c = 0; c < dim; c++) assert.ok(Math.abs(read.matrix[r * dim + c] - row[c]) <= bound, `row ${r}, column ${c}`);
  }
});

test('chunks stored before the encoding column existed still read back exactly', (t) => {
  const file = join(tempDir(t), 'e.db');
  const small = Float32Array.from({ length: 6 * dim }, (_, i) => i / 7 - 20);
  const app = openApp(file);
  store(app, small, 6);
  app.store.close();
  // A file from the earlier version: the same table without the column.
  const db = new Database(file);
  db.exec(`ALTER TABLE embedding_chunks DROP COLUMN encoding`);
  db.close();
  const again = createApp(file);
  t.after(() => again.store.close());
  assert.deepEqual(again.tables.embedding.snapshots.read('r', 'embedding', 10)!.matrix, small);
});

test('neighbours are answered per store: two files with the same run, tag and step do not share them', (t) => {
  const dir = tempDir(t);
  const small = 50;
  const answers = [1, 2].map((seed) => {
    const app = openApp(join(dir, `${seed}.db`));
    t.after(() => app.store.close());
    store(app, clusteredEmbedding({ rows: small, dim, clusters: 5, spreadDims: 2, noise: 0.3, seed }), small);
    const ask = () => readNeighbors({ store: app.store, tables: app.tables.embedding }, 'r', 10, { word: '#3', k: 5 }).neighbors.map((n) => n.index);
    const first = ask();
    assert.deepEqual(ask(), first, 'the same answer again');
    return first;
  });
  assert.notDeepEqual(answers[0], answers[1]);
});
