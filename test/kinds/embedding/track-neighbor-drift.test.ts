import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import { closeApp, createApp } from '../../../lib/app-context';
import { neighborDrift } from '../../../lib/kinds/embedding/drift';
import { cosineIndex } from '../../../lib/kinds/embedding/neighbors';
import { GET as getDrift } from '../../../app/api/runs/[id]/embeddings/drift/route';
import { tempDir } from '../../helpers/temp-dir';

const DIM = 2;
const WORDS = ['<pad>', 'good', 'fine', 'nice', 'great', 'fun', 'bad'];
/** Row 0 is padding. At epoch 1 "good"'s three nearest are fine, nice, great; at epoch 2 fine has moved away and fun has come in. */
const EPOCH_1 = Float32Array.from([0, 0, 1, 0, 1, 0.1, 1, 0.2, 1, 0.3, 0, 1, -1, 0]);
const EPOCH_2 = Float32Array.from([0, 0, 1, 0, 0, 1, 1, 0.2, 1, 0.05, 1, 0.1, -1, 0]);
const ROWS = WORDS.length;

test('drift lists each snapshot\'s neighbours with exactly what entered and what left', () => {
  const drift = neighborDrift(
    [
      { step: 10, epoch: 1, index: cosineIndex(EPOCH_1, ROWS, DIM) },
      { step: 20, epoch: 2, index: cosineIndex(EPOCH_2, ROWS, DIM) },
      { step: 30, epoch: 3, index: cosineIndex(EPOCH_2, ROWS, DIM) },
    ],
    1,
    3,
  );
  assert.deepEqual(
    drift.map((d) => ({ step: d.step, top: d.neighbors.map((n) => n.index), entered: d.entered, left: d.left })),
    [
      { step: 10, top: [2, 3, 4], entered: [], left: [] },
      { step: 20, top: [4, 5, 3], entered: [5], left: [2] },
      { step: 30, top: [4, 5, 3], entered: [], left: [] },
    ],
  );
});

function seedRun(app: ReturnType<typeof createApp>, id: string, words: string[], matrices: Float32Array[]): void {
  app.store.upsertRun({ id, name: `name-${id}`, model: '', backend: '', config: {}, startedAt: 0 });
  app.tables.embedding.writeVocabulary(id, { words, counts: words.map((_, i) => 100 - i) });
  matrices.forEach((values, i) => {
    const step = (i + 1) * 10;
    app.tables.embedding.snapshots.write(id, { tag: 'embedding', step, epoch: i + 1, wallTime: 1_764_000_000_000, rows: ROWS, dim: DIM, rowOffset: 0, chunkRows: ROWS, values });
  });
}

test('GET /api/runs/{id}/embeddings/drift: one row per snapshot, the run beside it, and the runs that share its words', async (t) => {
  const dbPath = join(tempDir(t), 'drift.db');
  process.env.TENSORLENS_DB = dbPath;
  const app = createApp(dbPath);
  t.after(() => {
    app.store.close();
    closeApp(dbPath);
  });
  seedRun(app, 'a', WORDS, [EPOCH_1, EPOCH_2]);
  seedRun(app, 'b', WORDS, [EPOCH_2]);
  seedRun(app, 'other-words', WORDS.map((w) => w.toUpperCase()), [EPOCH_1]);

  const get = async (runId: string, query: string) => {
    const url = `http://127.0.0.1/api/runs/${runId}/embeddings/drift?${query}`;
    const response = await getDrift(new NextRequest(url), { params: Promise.resolve({ id: runId }) });
    return { status: response.status, body: await response.json() };
  };

  const { status, body } = await get('a', 'word=good&k=3&compare=b');
  assert.equal(status, 200);
  assert.equal(body.tag, 'embedding');
  assert.equal(body.index, 1);
  assert.deepEqual(
    body.rows.map((r: { epoch: number; neighbors: { word: string }[]; entered: string[]; left: string[] }) => [r.epoch, r.neighbors.map((n) => n.word), r.entered, r.left]),
    [
      [1, ['fine', 'nice', 'great'], [], []],
      [2, ['great', 'fun', 'nice'], ['fun'], ['fine']],
    ],
  );
  assert.equal(body.compare.runName, 'name-b');
  assert.deepEqual(body.compare.rows.map((r: { neighbors: { word: string }[] }) => r.neighbors.map((n) => n.word)), [['great', 'fun', 'nice']]);
  assert.deepEqual(body.sameVocabularyRuns, [{ id: 'b', name: 'name-b' }]);

  assert.equal((await get('a', 'word=nosuch')).status, 404);
  assert.equal((await get('a', 'word=good&tag=missing')).status, 404);
  assert.equal((await get('a', 'word=good&compare=nobody')).status, 404);
  assert.equal((await get('a', 'word=good&k=0')).status, 422);
  assert.equal((await get('a', 'k=3')).status, 422);
});
