import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { exportRun } from '../../lib/export/export-run';
import { importLogdirsOnce } from '../../lib/import/import-logdirs';
import { computeHistogram } from '../../lib/kinds/histogram/compute-histogram';
import { toColumns } from '../../lib/kinds/scalar/meta';
import { parseLogdirSpec } from '../../lib/logdir/logdir-spec';
import { tempDir } from '../helpers/temp-dir';
import { tempApp } from '../helpers/temp-app';

test('a run exported as a logdir reads back through the importer: scalars (as float32) and histograms', async (t) => {
  const app = tempApp(t);
  app.store.upsertRun({ id: 'native', name: 'imdb/conv1d', model: 'imdb-conv1d', backend: 'wasm', config: {}, startedAt: 1_700_000_000_000 });
  const loss = [0.6931, 0.5, NaN, 0.25];
  app.tables.scalar.write('native', toColumns(loss.map((v, step) => ['epoch/loss', step, 1_700_000_000_000 + step * 1000, v])));
  app.tables.scalar.write('native', toColumns([['epoch/val_loss', 0, 1_700_000_000_500, 0.75]]));
  const weights = [[-1, 0, 0.5, 2], [-2, -1, 3, 3.5, 4]];
  app.tables.histogram.write('native', weights.map((values, step) => ({ ...computeHistogram(values), tag: 'weights/dense/kernel', step, wallTime: 1_700_000_000_000 + step * 1000 })));

  const logdir = tempDir(t, 'tensorlens-export-');
  const result = exportRun(app, 'native', logdir);
  assert.deepEqual([result.scalars, result.histograms], [5, 2]);
  assert.ok(result.file.startsWith(join(logdir, 'imdb_conv1d')));

  const back = tempApp(t, 'back.db');
  await importLogdirsOnce(back, [parseLogdirSpec(logdir)]);
  const [run] = back.store.listRuns();
  assert.equal(run.name, 'imdb_conv1d');
  const series = back.read.scalar.series(run.id, 'epoch/loss', Infinity).points;
  assert.deepEqual(series.map(([step, wall]) => [step, wall]), loss.map((_, step) => [step, 1_700_000_000_000 + step * 1000]));
  assert.deepEqual(series.map(([, , v]) => v), loss.map(Math.fround), 'simple_value is a float32');
  assert.deepEqual(back.read.scalar.series(run.id, 'epoch/val_loss', Infinity).points.map(([, , v]) => v), [0.75]);
  const original = app.read.histogram.series('native', 'weights/dense/kernel').histograms;
  const read = back.read.histogram.series(run.id, 'weights/dense/kernel').histograms;
  assert.deepEqual(
    read.map(({ step, min, max, count, sum, sumSquares, counts }) => ({ step, min, max, count, sum, sumSquares, counts })),
    original.map(({ step, min, max, count, sum, sumSquares, counts }) => ({ step, min, max, count, sum, sumSquares, counts })),
    'every bucket comes back: HistogramProto limits at the same edges',
  );
  assert.throws(() => exportRun(app, 'nope', logdir), /no run "nope"/);
});
