import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NextRequest } from 'next/server';
import { DELETE, GET, PATCH } from '../../app/api/runs/[id]/route';
import { closeApp, openApp, type AppContext } from '../../lib/app-context';
import { computeHistogram } from '../../lib/kinds/histogram/compute-histogram';
import { checkpointDir } from '../../lib/runs/checkpoint-dir';
import { handleIngestMessage } from '../../server/handle-ingest-message';
import { LiveHub } from '../../server/live-hub';
import { tempDir } from '../helpers/temp-dir';
import { startSocketServer } from '../helpers/socket-server';

const HOST = '127.0.0.1:3000';

/** Calls the route as Next does, with the headers a same-origin page would send unless told otherwise. */
async function call(handler: typeof GET, method: string, id: string, body?: unknown, origin: string | null = `http://${HOST}`) {
  const headers: Record<string, string> = { host: HOST, 'content-type': 'application/json' };
  if (origin !== null) headers.origin = origin;
  const request = new NextRequest(`http://${HOST}/api/runs/${id}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

function openTestApp(t: Parameters<typeof tempDir>[0]): AppContext {
  const path = join(tempDir(t), 'manage.db');
  process.env.TENSORLENS_DB = path;
  t.after(() => closeApp(path));
  return openApp(path);
}

/** A run with something of every kind, sent through ingest as a trainer would. */
function recordEverything(app: AppContext, hub: LiveHub, id: string): void {
  let seq = 0;
  const send = (message: Record<string, unknown>) => {
    const reply = handleIngestMessage(app, { live: hub, projections: null }, Buffer.from(JSON.stringify({ v: 1, seq: ++seq, ...message })));
    assert.equal(reply.type, 'ack', JSON.stringify(reply));
  };
  send({ type: 'run.start', run: { id, name: id, config: { lr: 0.1 }, startedAt: 1 } });
  send({ type: 'scalars', runId: id, points: [{ tag: 'batch/loss', steps: [0, 1, 2], wallTimes: [1, 2, 3], values: [0.9, 'NaN', 0.5] }] });
  send({ type: 'histograms', runId: id, histograms: [{ ...computeHistogram([1, 2, 3], 4), tag: 'weights/dense/kernel', step: 0, wallTime: 1 }] });
  send({ type: 'events', runId: id, events: [{ step: 1, wallTime: 2, kind: 'checkpoint', reason: 'saved', data: {} }] });
  send({ type: 'vocabulary', runId: id, vocabulary: { words: ['a', 'b'], counts: [1, 2], positiveDocs: [1, 0], negativeDocs: [0, 1], positiveReviews: 1, negativeReviews: 1 } });
  const values = Buffer.from(Float32Array.from([1, 2, 3, 4]).buffer).toString('base64');
  send({ type: 'embedding', runId: id, tag: 'embedding', step: 0, epoch: 1, wallTime: 1, rows: 2, dim: 2, rowOffset: 0, chunkRows: 2, values });
  const node = (name: string, input?: number) => ({ id: name, className: 'Dense', name, callSites: 1, inputShapes: [[[null, 2]]], outputShapes: [[[null, 2]]], params: 6, ...(input === undefined ? {} : { input }) });
  send({
    type: 'graph',
    runId: id,
    graph: { name: 'm', className: 'Model', nodes: [node('in', 0), node('out')], edges: [{ source: 'in', sourceCallSite: 0, sourceTensor: 0, target: 'out', targetCallSite: 0, targetInput: 0 }], outputs: [{ node: 'out', callSite: 0, tensor: 0 }] },
  });
  send({ type: 'text', runId: id, entries: [{ tag: 'notes', step: 1, wallTime: 2, text: '**epoch 1**' }] });
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
  send({ type: 'images', runId: id, images: [{ tag: 'samples', step: 0, sample: 0, wallTime: 1, width: 2, height: 2, contentType: 'image/png', data: png }] });
  const tp = [2, 1, 0];
  send({ type: 'pr-curves', runId: id, curves: [{ tag: 'eval/pr', step: 0, wallTime: 1, thresholds: [0.25, 0.5, 1], truePositives: tp, falsePositives: [2, 1, 0], trueNegatives: [0, 1, 2], falseNegatives: [0, 1, 2], precision: [0.5, 0.5, 0], recall: [1, 0.5, 0] }] });
  send({ type: 'op-graph', runId: id, graph: { nodes: [{ name: 'x', op: 'Placeholder', inputs: [], device: '', outputShapes: [[-1, 2]], dtype: 'float32' }] } });
  const definition = { name: 's', model: 'mlp-sequential', method: 'random', metric: 'val_acc', goal: 'max', seed: 1, maxTrials: 1, space: [{ name: 'batchSize', kind: 'choice', choices: [32, 64] }], gridPoints: 2, medianStopping: false, parallel: 1, args: [] };
  send({ type: 'sweep', runId: id, definition });
  send({ type: 'sweep.trials', runId: id, trials: [{ trial: 0, runId: 't0', params: { batchSize: 32 }, state: 'running', value: null, curve: [], reason: null, startedAt: 1, finishedAt: null }] });
  app.tables.embedding.projections.write({ runId: id, tag: 'embedding', step: 0, method: 'umap', paramsKey: 'k' }, { status: 'ready', layout: Float32Array.from([0, 0, 1, 1]) });
}

function rowCounts(app: AppContext): Record<string, number> {
  const tables = app.store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return Object.fromEntries(tables.map((table) => [table, app.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]));
}

test('PATCH renames, tags, annotates and archives a run; a resent run.start keeps the new name', async (t) => {
  const app = openTestApp(t);
  const hub = new LiveHub(app);
  t.after(() => hub.close());
  recordEverything(app, hub, 'keep');

  const renamed = await call(PATCH, 'PATCH', 'keep', { name: '  lr 0.1 baseline ', tags: ['baseline', 'lr-sweep', 'baseline'], note: 'first try' });
  assert.equal(renamed.status, 200);
  assert.deepEqual([renamed.body.name, renamed.body.tags, renamed.body.note, renamed.body.archived], ['lr 0.1 baseline', ['baseline', 'lr-sweep'], 'first try', false]);
  assert.deepEqual(renamed.body.config, { lr: 0.1 });

  const archived = await call(PATCH, 'PATCH', 'keep', { archived: true });
  assert.deepEqual([archived.body.name, archived.body.tags, archived.body.archived], ['lr 0.1 baseline', ['baseline', 'lr-sweep'], true]);

  handleIngestMessage(app, { live: hub, projections: null }, Buffer.from(JSON.stringify({ v: 1, seq: 99, type: 'run.start', run: { id: 'keep', name: 'keep', startedAt: 1 } })));
  const read = await call(GET, 'GET', 'keep');
  assert.deepEqual([read.body.name, read.body.note, read.body.archived], ['lr 0.1 baseline', 'first try', true]);
});

test('PATCH refuses bad bodies with the field at fault, and unknown runs with 404', async (t) => {
  const app = openTestApp(t);
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  const cases: [unknown, number, RegExp][] = [
    ['{"name":', 400, /must be JSON/],
    [{}, 422, /at least one of name, tags, note, archived/],
    [{ name: '   ' }, 422, /^name: a name may not be empty/],
    [{ tags: ['a,b'] }, 422, /^tags\.0: a tag may not hold commas/],
    [{ archived: 'yes' }, 422, /^archived:/],
    [{ owner: 'me' }, 422, /owner/],
  ];
  for (const [body, status, message] of cases) {
    const response = await call(PATCH, 'PATCH', 'r', body);
    assert.equal(response.status, status, JSON.stringify(body));
    assert.match(response.body.error.message, message);
  }
  assert.equal(app.store.getRun('r')!.name, 'r');
  const missing = await call(PATCH, 'PATCH', 'ghost', { name: 'x' });
  assert.deepEqual(missing, { status: 404, body: { error: { code: 'not_found', message: 'run "ghost" not found' } } });
});

test('DELETE removes the run and every row of it in every table, and its checkpoint files', async (t) => {
  const app = openTestApp(t);
  const hub = new LiveHub(app);
  t.after(() => hub.close());
  recordEverything(app, hub, 'keep');
  const before = rowCounts(app);
  recordEverything(app, hub, 'doomed');
  const checkpoints = checkpointDir(app.store.path, 'doomed');
  mkdirSync(join(checkpoints, 'best'), { recursive: true });
  writeFileSync(join(checkpoints, 'best', 'model.json'), '{}');
  mkdirSync(checkpointDir(app.store.path, 'keep'), { recursive: true });
  const during = rowCounts(app);
  // The tombstone of a deleted id is the one row a run leaves (see run-tombstones.ts).
  const untouched = Object.keys(before).filter((table) => table !== 'deleted_runs' && !(during[table] > before[table]));
  assert.deepEqual(untouched, [], 'the doomed run has rows in every table');

  const deleted = await call(DELETE, 'DELETE', 'doomed');
  assert.deepEqual(deleted, { status: 200, body: { id: 'doomed', deleted: true } });
  assert.deepEqual(rowCounts(app), { ...before, deleted_runs: before.deleted_runs + 1 }, 'every table is back to the kept run alone, but for the tombstone');
  assert.ok(app.store.deletedAt('doomed') !== null);
  assert.equal(existsSync(checkpoints), false);
  assert.equal(existsSync(checkpointDir(app.store.path, 'keep')), true);
  assert.equal(existsSync(dirname(checkpoints)), true);

  assert.equal((await call(GET, 'GET', 'doomed')).status, 404);
  assert.equal((await call(DELETE, 'DELETE', 'doomed')).status, 404);
  assert.equal(app.read.scalar.series('keep', 'batch/loss', 10).points.length, 3, 'the other run keeps its points');

  // A trainer of the deleted run that streams again is refused for good, and nothing comes back.
  const again = handleIngestMessage(app, { live: hub, projections: null }, Buffer.from(JSON.stringify({ v: 1, seq: 0, type: 'run.start', run: { id: 'doomed', name: 'doomed', config: {}, startedAt: 1 } })));
  assert.equal(again.type === 'error' && again.code, 'run_deleted');
  assert.deepEqual(rowCounts(app), { ...before, deleted_runs: before.deleted_runs + 1 });
});

test('the request guard refuses PATCH and DELETE from another origin or without the token, and lets the dashboard and scripts through', async (t) => {
  const dir = tempDir(t);
  const app = openTestApp(t);
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  const server = await startSocketServer(join(dir, 'guard.db'), 0, { token: 'sesame', onRequest: (req, res) => void forward(req, res) });
  t.after(() => server.close());
  const send = (method: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${server.url}/api/runs/r`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const bearer = { authorization: 'Bearer sesame' };

  for (const origin of ['http://evil.example', 'http://127.0.0.1:4000', 'null']) {
    const patch = await send('PATCH', { name: 'pwned' }, { origin, ...bearer });
    assert.equal(patch.status, 403, origin);
    assert.equal(((await patch.json()) as { error: { code: string } }).error.code, 'forbidden');
    assert.equal((await send('DELETE', undefined, { origin, ...bearer })).status, 403);
  }
  assert.equal((await send('PATCH', { name: 'pwned' }, {})).status, 401);
  assert.equal(app.store.getRun('r')!.name, 'r');
  const own = await send('PATCH', { note: 'from the dashboard' }, { origin: server.url, ...bearer });
  assert.equal(own.status, 200);
  assert.equal(app.store.getRun('r')!.note, 'from the dashboard');
  assert.equal((await send('DELETE', undefined, bearer)).status, 200);
  assert.equal(app.store.getRun('r'), null);
});

/** Hands a request the guard let through to the route, as Next would. */
async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const handler = { PATCH, DELETE, GET }[req.method as 'PATCH' | 'DELETE' | 'GET'];
  const request = new NextRequest(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  const response = await handler(request, { params: Promise.resolve({ id: req.url!.split('/').pop()! }) });
  res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
}
