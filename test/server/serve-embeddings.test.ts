import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { startServer } from '../../server/start-server';
import { Run } from '../../lib/client/run';
import { seededRandom } from '../../lib/seeded-random';
import { tempDir } from '../helpers/temp-dir';

const root = resolve(__dirname, '../..');
const rows = 300;
const dim = 16;

/** Row 4 is "good", row 5 "bad"; even rows lean one way, odd rows the other, so neighbours are predictable. */
function matrix(seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: rows * dim }, (_, i) => {
    const row = Math.floor(i / dim);
    const col = i % dim;
    return (col === 0 ? (row % 2 === 0 ? 3 : -3) : 0) + random() - 0.5;
  });
}

const vocabulary = {
  words: ['<pad>', '<start>', '<oov>', '<unused>', 'good', 'bad', ...Array.from({ length: 194 }, (_, i) => `w${i}`)],
  counts: [0, 0, 0, 0, 50, 40, ...Array(194).fill(3)],
  positiveDocs: [0, 0, 0, 0, 30, 5, ...Array(194).fill(1)],
  negativeDocs: [0, 0, 0, 0, 5, 28, ...Array(194).fill(1)],
  positiveReviews: 60,
  negativeReviews: 60,
};

async function get(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

function subscribe(url: string, runId: string): Promise<{ events: any[]; socket: WebSocket }> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/live`);
    const events: any[] = [];
    socket.on('message', (d) => events.push(JSON.parse(d.toString())));
    socket.once('open', () => {
      socket.send(JSON.stringify({ type: 'subscribe', topic: 'run', runId }));
      done({ events, socket });
    });
    socket.once('error', fail);
  });
}

/** Waits for a push that is on its way; the test's timeout bounds it. */
async function until<T>(find: () => T | undefined): Promise<T> {
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The real server (production build) on a fresh file, with a run it already knows. */
async function serverWithRun(t: Parameters<typeof tempDir>[0], name: string) {
  assert.ok(existsSync(join(root, '.next', 'BUILD_ID')), 'run `npm run build` first: the API is served by the production build');
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath: join(tempDir(t), 'api.db'), dev: false, dir: root, log: () => undefined });
  t.after(() => server.close());
  const run = new Run({ server: server.url, name });
  t.after(() => run.close());
  run.log({ loss: 1 }, 0);
  assert.equal(await run.drained(10_000), true, 'the run is known to the server');
  return { server, run };
}

test('embeddings are listed, projected and searched over HTTP, with live UMAP progress', { timeout: 240_000 }, async (t) => {
  const { server, run } = await serverWithRun(t, 'projected');
  const live = await subscribe(server.url, run.id);
  t.after(() => live.socket.close());
  // The subscription is in place once the server answered it with the run.
  await until(() => live.events.find((e) => e.type === 'run'));
  run.logVocabulary(vocabulary);
  run.logEmbedding('embedding', matrix(1), rows, dim, 10, 1);
  run.logEmbedding('embedding', matrix(2), rows, dim, 20, 2);
  assert.equal(await run.drained(10_000), true);
  const api = `${server.url}/api/runs/${run.id}/embeddings`;

  const list = await get(api);
  assert.equal(list.status, 200);
  assert.deepEqual(list.body, {
    runId: run.id,
    vocabularySize: 200,
    hasSentiment: true,
    snapshots: [10, 20].map((step) => ({ tag: 'embedding', step, epoch: step / 10, rows, dim, wallTime: list.body.snapshots[step / 10 - 1].wallTime })),
  });
  await until(() => live.events.find((e) => e.type === 'embeddings' && e.snapshots.length === 2));

  const pca = await get(`${api}/20/projection?method=pca`);
  assert.equal(pca.status, 200);
  assert.equal(pca.body.status, 'ready');
  assert.deepEqual(pca.body.params, { neighbors: 15, minDist: 0.1 });
  assert.equal(pca.body.points.x.length, rows);
  assert.equal(pca.body.words.length, rows);
  assert.deepEqual(pca.body.words.slice(3, 6), ['<unused>', 'good', 'bad']);
  assert.equal(pca.body.words[250], '#250', 'rows past the vocabulary are named by index');
  assert.equal(pca.body.counts[4], 50);
  assert.ok(pca.body.logOdds[4] > 1 && pca.body.logOdds[5] < -1, `log-odds of good ${pca.body.logOdds[4]}, bad ${pca.body.logOdds[5]}`);
  const sides = pca.body.points.x.slice(0, 20).map((x: number) => Math.sign(x));
  assert.ok(sides.every((s: number, i: number) => s === sides[i % 2] && s !== sides[1 - (i % 2)]), 'PCA separates even from odd rows');

  const readyEvent = await until(() => live.events.find((e) => e.type === 'projection' && e.step === 20 && e.status === 'ready'));
  assert.deepEqual(readyEvent.params, { neighbors: 15, minDist: 0.1 });
  const statuses = live.events.filter((e) => e.type === 'projection' && e.step === 20).map((e) => e.status);
  assert.deepEqual([statuses[0], statuses.at(-1)], ['queued', 'ready']);
  const umap = await get(`${api}/20/projection?tag=embedding&neighbors=15&minDist=0.1`);
  assert.equal(umap.status, 200);
  assert.equal(umap.body.method, 'umap');
  assert.equal(umap.body.points.y.length, rows);
  assert.ok(umap.body.points.x.every(Number.isFinite));

  const custom = await get(`${api}/10/projection?neighbors=5&minDist=0.5`);
  assert.equal(custom.status, 202);
  assert.deepEqual([custom.body.status, custom.body.points, custom.body.params], ['queued', null, { neighbors: 5, minDist: 0.5 }]);
  assert.equal(custom.body.words.length, rows, 'words come with a pending layout too');
  await until(() => live.events.find((e) => e.type === 'projection' && e.step === 10 && e.params.neighbors === 5 && e.status === 'ready'));
  assert.equal((await get(`${api}/10/projection?neighbors=5&minDist=0.5`)).status, 200);

  const near = await get(`${api}/20/neighbors?word=good&k=5`);
  assert.equal(near.status, 200);
  assert.equal(near.body.index, 4);
  assert.equal(near.body.neighbors.length, 5);
  assert.ok(near.body.neighbors.every((n: { index: number }) => n.index % 2 === 0), 'the nearest rows of an even row are even');
  const sims = near.body.neighbors.map((n: { similarity: number }) => n.similarity);
  assert.deepEqual(sims, [...sims].sort((a, b) => b - a), 'best first');
  assert.equal(typeof near.body.neighbors[0].logOdds, 'number');
  assert.equal((await get(`${api}/20/neighbors?word=bad`)).body.neighbors.length, 10, 'k defaults to 10');

  const notFound: [string, RegExp][] = [
    [`${server.url}/api/runs/nobody/embeddings`, /run "nobody" not found/],
    [`${api}/30/projection`, /no snapshot at step 30/],
    [`${api}/20/projection?tag=other`, /no embedding "other"/],
    [`${api}/20/neighbors?word=zebra`, /word "zebra" is not among the 300 rows/],
  ];
  for (const [url, message] of notFound) {
    const res = await get(url);
    assert.equal(res.status, 404, url);
    assert.match(res.body.error.message, message);
  }
  const unprocessable: [string, RegExp][] = [
    [`${api}/abc/projection`, /step: step must be an integer/],
    [`${api}/20/projection?method=tsne`, /method/],
    [`${api}/20/projection?neighbors=1`, /neighbors/],
    [`${api}/20/projection?neighbors=201`, /neighbors/],
    [`${api}/20/projection?neighbors=`, /neighbors: must be a number/],
    [`${api}/20/projection?minDist=1.5`, /minDist/],
    [`${api}/20/projection?tag=%3Cb%3E`, /tag/],
    [`${api}/20/neighbors`, /word/],
    [`${api}/20/neighbors?word=good&k=0`, /k/],
    [`${api}/20/neighbors?word=good&k=2.5`, /k/],
  ];
  for (const [url, message] of unprocessable) {
    const res = await get(url);
    assert.equal(res.status, 422, url);
    assert.match(res.body.error.message, message, url);
  }
});

test('a run without a vocabulary names rows by index and has no sentiment', { timeout: 120_000 }, async (t) => {
  const { server, run } = await serverWithRun(t, 'bare');
  const empty = await get(`${server.url}/api/runs/${run.id}/embeddings`);
  assert.deepEqual(empty.body, { runId: run.id, vocabularySize: 0, hasSentiment: false, snapshots: [] });
  assert.match((await get(`${server.url}/api/runs/${run.id}/embeddings/0/projection`)).body.error.message, /has no embeddings/);
  run.logEmbedding('vectors', matrix(3), rows, dim, 0);
  assert.equal(await run.drained(10_000), true);
  const pca = await get(`${server.url}/api/runs/${run.id}/embeddings/0/projection?method=pca`);
  assert.equal(pca.status, 200);
  assert.equal(pca.body.tag, 'vectors', 'the tag defaults to the run\'s first');
  assert.deepEqual(pca.body.words.slice(0, 2), ['#0', '#1']);
  assert.equal(pca.body.logOdds, null);
  const near = await get(`${server.url}/api/runs/${run.id}/embeddings/0/neighbors?word=%230&k=1`);
  assert.equal(near.status, 200);
  assert.equal(near.body.neighbors[0].logOdds, null);
});
