import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../lib/app-context';
import { chunkRowsFor } from '../lib/kinds/embedding/meta';
import { cosineIndex, nearestNeighbors } from '../lib/kinds/embedding/neighbors';
import { readNeighbors } from '../lib/kinds/embedding/read-neighbors';
import { seededRandom } from '../lib/seeded-random';
import type { Embedding } from './projector-layouts';
import { sampleRows } from './recall';

const K = 10;
const RUN = 'bench';

/**
 * Stores the snapshot as the trainer's chunks arrive (with a vocabulary of one word per row),
 * then measures what it takes on disk, how far the stored matrix's cosine neighbours are from
 * float32's, and how long a neighbour query takes the first time and once the snapshot is cached.
 */
export function storedSnapshot({ matrix, rows, dim }: Embedding, sampleSize: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-bench-'));
  const file = join(dir, 'projector.db');
  const app = createApp(file);
  try {
    app.store.upsertRun({ id: RUN, name: RUN, model: '', backend: '', config: {}, startedAt: 0 });
    const words = Array.from({ length: rows }, (_, i) => `w${i}`);
    app.store.transaction(() => app.tables.embedding.writeVocabulary(RUN, { words, counts: words.map((_, i) => rows - i) }));
    const chunkRows = chunkRowsFor(dim);
    for (let rowOffset = 0; rowOffset < rows; rowOffset += chunkRows) {
      const n = Math.min(chunkRows, rows - rowOffset);
      const values = matrix.slice(rowOffset * dim, (rowOffset + n) * dim);
      app.store.transaction(() =>
        app.tables.embedding.snapshots.write(RUN, { tag: 'embedding', step: 1, epoch: 1, wallTime: Date.now(), rows, dim, rowOffset, chunkRows: n, values }),
      );
    }
    const storedBytes = (app.store.db.prepare(`SELECT sum(length(data)) AS bytes FROM embedding_chunks`).get() as { bytes: number }).bytes;
    app.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const fileBytes = statSync(file).size;

    const data = { store: app.store, tables: app.tables.embedding };
    const ask = (row: number) => readNeighbors(data, RUN, 1, { word: words[row], k: K });
    const sample = sampleRows(rows, sampleSize, seededRandom(5));
    let t0 = performance.now();
    ask(sample[0]);
    const coldMs = performance.now() - t0;
    const warmMs: number[] = [];
    const exact = cosineIndex(matrix, rows, dim);
    let found = 0;
    for (const row of sample) {
      t0 = performance.now();
      const got = ask(row);
      warmMs.push(performance.now() - t0);
      const truth = new Set(nearestNeighbors(exact, row, K).map((n) => n.index));
      for (const n of got.neighbors) if (truth.has(n.index)) found++;
    }
    warmMs.sort((a, b) => a - b);
    return { storedBytes, fileBytes, coldMs, warmMedianMs: warmMs[warmMs.length >> 1], warmP90Ms: warmMs[Math.floor(warmMs.length * 0.9)], storedRecall: found / (sample.length * K) };
  } finally {
    app.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
