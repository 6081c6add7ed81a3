import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainIntoApp } from '../helpers/train-into-app';

test('a short real IMDB run with histogram_freq and embeddings_freq 1 fills both in SQLite', { timeout: 600_000 }, async (t) => {
  const app = await trainIntoApp(t, ['--model', 'imdb-conv1d', '--epochs', '2', '--train-samples', '256', '--max-len', '64',
    '--batch-size', '32', '--histogram-freq', '1', '--embeddings-freq', '1', '--run-name', 'imdb-embeddings']);
  const [run] = app.store.listRuns();
  assert.equal(run.name, 'imdb-embeddings');
  assert.equal(run.status, 'finished');
  // 256 reviews, 20% held out: 205 train on, 7 batches of 32 per epoch.
  assert.deepEqual(app.tables.embedding.snapshots.list(run.id).map((s) => [s.tag, s.step, s.epoch, s.rows, s.dim]), [
    ['embedding', 7, 1, 2000, 128],
    ['embedding', 14, 2, 2000, 128],
  ]);
  const first = app.tables.embedding.snapshots.read(run.id, 'embedding', 7)!.matrix;
  const second = app.tables.embedding.snapshots.read(run.id, 'embedding', 14)!.matrix;
  assert.ok(first.every(Number.isFinite) && second.every(Number.isFinite));
  assert.notDeepEqual(first, second, 'the second epoch moved the embedding');
  const histogram = app.tables.histogram.read(run.id, 'weights/embedding/embeddings')!;
  assert.deepEqual(histogram.map((h) => [h.step, h.count]), [[7, 2000 * 128], [14, 2000 * 128]], 'histograms of the same matrix at the same steps');
  const vocabulary = app.tables.embedding.readVocabulary(run.id)!;
  assert.equal(vocabulary.words.length, 2000);
  assert.equal(vocabulary.positiveReviews! + vocabulary.negativeReviews!, 25_000, 'the doc counts come from every training review');
  assert.equal(vocabulary.positiveReviews, 12_500);
});
