import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../../server/start-server';
import { imdbDataPath } from '../helpers/imdb-data';
import { tempDir } from '../helpers/temp-dir';
import { runTrainer } from '../helpers/run-trainer';

const root = resolve(__dirname, '../..');

async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

test('a real trainer run of one epoch lands in SQLite and is served by the API', { timeout: 600_000 }, async (t) => {
  const data = imdbDataPath();
  assert.ok(data, 'the IMDB archive is needed: set IMDB_DATA or put ../shared/data/imdb/aclImdb_v1_labeled.tar.gz beside the checkout');
  assert.ok(existsSync(join(root, '.next', 'BUILD_ID')), 'run `npm run build` first: the API is served by the production build');
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath: join(tempDir(t), 'it.db'), dev: false, dir: root, log: () => undefined });
  t.after(() => server.close());

  const { code, output } = await runTrainer(['--model', 'imdb-conv1d', '--epochs', '1', '--train-samples', '320', '--test-samples', '64',
    '--max-len', '100', '--batch-size', '32', '--histogram-freq', '1', '--run-name', 'integration', '--server', server.url, '--data', data]);
  assert.equal(code, 0, output);
  assert.match(output, /Epoch 1\/1/);
  assert.match(output, /val_loss: \d\.\d{4} - val_acc: \d\.\d{4}/);

  const runs = await getJson(`${server.url}/api/runs`);
  assert.equal(runs.status, 200);
  const run = runs.body.find((r: { name: string }) => r.name === 'integration');
  assert.ok(run, 'the run is listed');
  assert.equal(run.status, 'finished');
  assert.equal(run.model, 'imdb-conv1d');
  assert.match(run.backend, /^(wasm|cpu|tensorflow)$/);
  assert.equal(run.config.epochs, 1);
  assert.equal(run.config.data.trainSamples, 320);
  assert.equal(run.config.stepsPerEpoch, 8);

  const tags = await getJson(`${server.url}/api/runs/${run.id}/scalars`);
  const names = tags.body.map((x: { tag: string }) => x.tag);
  for (const tag of ['batch/loss', 'batch/acc', 'epoch/loss', 'epoch/acc', 'epoch/val_loss', 'epoch/val_acc', 'epoch/lr', 'epoch/time', 'test/loss', 'test/acc']) {
    assert.ok(names.includes(tag), `tag ${tag} in ${names}`);
  }
  const loss = await getJson(`${server.url}/api/runs/${run.id}/scalars/batch/loss`);
  assert.equal(loss.status, 200);
  assert.deepEqual(loss.body.points.map((p: number[]) => p[1]), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.ok(loss.body.points.every((p: unknown[]) => typeof p[0] === 'number' && p[0] > 1e9 && p[0] < 1e10), 'wall time in seconds');

  const csv = await fetch(`${server.url}/api/runs/${run.id}/scalars/epoch/val_acc?format=csv`);
  assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(await csv.text(), /^Wall time,Step,Value\n\d+(\.\d+)?,8,0?\.\d+\n$/);

  const histogramTags = (await getJson(`${server.url}/api/runs/${run.id}/histograms`)).body.map((h: { tag: string }) => h.tag);
  for (const tag of ['weights/embedding/embeddings', 'weights/conv1d/kernel', 'weights/dense/bias', 'activations/conv1d', 'activations/global_max_pooling1d']) {
    assert.ok(histogramTags.includes(tag), `histogram ${tag} in ${histogramTags}`);
  }
  const embedding = await getJson(`${server.url}/api/runs/${run.id}/histograms/weights/embedding/embeddings`);
  assert.equal(embedding.status, 200);
  assert.equal(embedding.body.histograms.length, 1);
  assert.equal(embedding.body.histograms[0].step, 8);
  assert.equal(embedding.body.histograms[0].count, 2000 * 128);
  assert.equal(embedding.body.histograms[0].counts.length, 30);
  assert.equal(embedding.body.histograms[0].basisPoints.length, 9);
  assert.equal((await getJson(`${server.url}/api/runs/${run.id}/histograms/no/such/tensor`)).status, 404);

  const missing = await getJson(`${server.url}/api/runs/no-such-run/scalars/batch/loss`);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'not_found');
  const badQuery = await getJson(`${server.url}/api/runs/${run.id}/scalars/batch/loss?max_points=0`);
  assert.equal(badQuery.status, 422);
  assert.match(badQuery.body.error.message, /max_points/);
});
