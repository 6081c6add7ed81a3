import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp, type AppContext } from '../../../lib/app-context';
import { ProjectFn, ProjectionService } from '../../../lib/kinds/embedding/projection-service';
import { projectUmap, ProjectUmapArgs } from '../../../lib/kinds/embedding/umap/umap-layout';
import { DEFAULT_UMAP_PARAMS, ProjectionEvent } from '../../../lib/kinds/embedding/meta';
import { seededRandom } from '../../../lib/seeded-random';
import { tempDir } from '../../helpers/temp-dir';

const rows = 40;
const dim = 6;
const defaultKey = (step: number) => ({ runId: 'r', tag: 'embedding', step, method: 'umap' as const, paramsKey: 'n=15;d=0.1' });

function matrix(seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: rows * dim }, (_, i) => (i % dim === 0 ? (Math.floor(i / dim) % 2) * 4 : 0) + random());
}

/** A fresh file holding a complete snapshot at each step. */
function appWithSnapshots(file: string, steps: number[]): AppContext {
  const app = createApp(file);
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  for (const step of steps) {
    app.tables.embedding.snapshots.write('r', { tag: 'embedding', step, epoch: step / 10, wallTime: step, rows, dim, rowOffset: 0, chunkRows: rows, values: matrix(step) });
  }
  return app;
}

/** The real worker-thread UMAP, recording what each call was given. */
function recordingUmap(calls: ProjectUmapArgs[]): ProjectFn {
  return (m, r, d, args) => {
    calls.push(args);
    return projectUmap(m, r, d, args);
  };
}

/** Every pushed event, and a wait for the job of (step, neighbors) to end. */
function eventsOf(service: ProjectionService) {
  const events: ProjectionEvent[] = [];
  const waiters: (() => void)[] = [];
  service.subscribe((e) => {
    events.push(e);
    for (const w of waiters.splice(0)) w();
  });
  const settled = async (step: number, neighbors = DEFAULT_UMAP_PARAMS.neighbors) => {
    for (;;) {
      const done = events.find((e) => e.step === step && e.params.neighbors === neighbors && (e.status === 'ready' || e.status === 'failed'));
      if (done) return done;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { events, settled };
}

test('a completed snapshot is laid out in the worker, cached, and reused after a restart', { timeout: 60_000 }, async (t) => {
  const file = join(tempDir(t), 'p.db');
  const app = appWithSnapshots(file, [10]);
  const calls: ProjectUmapArgs[] = [];
  const service = new ProjectionService(app.tables.embedding, { project: recordingUmap(calls) });
  const { events, settled } = eventsOf(service);
  service.snapshotCompleted('r', 'embedding', 10);
  assert.equal(service.request('r', 'embedding', 10, DEFAULT_UMAP_PARAMS).status, 'queued');
  assert.equal((await settled(10)).status, 'ready');
  const statuses = events.map((e) => e.status);
  assert.deepEqual([statuses[0], statuses[1], statuses.at(-1)], ['queued', 'running', 'ready']);
  assert.ok(events.some((e) => e.status === 'running' && e.progress && e.progress.done > 0), 'progress is pushed');
  assert.equal(calls.length, 1, 'the request did not queue a second job');
  assert.equal(calls[0].init, undefined, 'the first step starts cold');
  const ready = service.request('r', 'embedding', 10, DEFAULT_UMAP_PARAMS);
  assert.equal(ready.status, 'ready');
  assert.equal(ready.layout!.length, rows * 2);
  service.close();
  app.store.close();

  const reopened = createApp(file);
  t.after(() => reopened.store.close());
  const restarted = new ProjectionService(reopened.tables.embedding, { project: recordingUmap(calls) });
  t.after(() => restarted.close());
  restarted.snapshotCompleted('r', 'embedding', 10);
  assert.deepEqual(Array.from(restarted.request('r', 'embedding', 10, DEFAULT_UMAP_PARAMS).layout!), Array.from(ready.layout!));
  assert.equal(calls.length, 1, 'nothing was computed again');
});

test("each epoch's layout starts from the previous step's cached layout", { timeout: 60_000 }, async (t) => {
  const app = appWithSnapshots(join(tempDir(t), 'p.db'), [10, 20]);
  t.after(() => app.store.close());
  const calls: ProjectUmapArgs[] = [];
  const service = new ProjectionService(app.tables.embedding, { project: recordingUmap(calls) });
  t.after(() => service.close());
  const { settled } = eventsOf(service);
  service.snapshotCompleted('r', 'embedding', 20);
  service.snapshotCompleted('r', 'embedding', 10);
  await settled(20);
  assert.equal(calls.length, 2);
  assert.equal(calls[0].init, undefined, 'step 10 ran first although it completed second: step order');
  const first = app.tables.embedding.projections.read(defaultKey(10));
  assert.ok(first?.status === 'ready');
  assert.deepEqual(Array.from(calls[1].init!), Array.from(first.layout), 'step 20 started from step 10');
  assert.equal(app.tables.embedding.projections.read(defaultKey(20))?.status, 'ready');
});

/** A UMAP stand-in that runs until the test releases it or its signal aborts. */
function controlledUmap() {
  const started: { args: ProjectUmapArgs; release: () => void }[] = [];
  const project: ProjectFn = (_m, r, _d, args) =>
    new Promise((resolve, reject) => {
      args.signal?.addEventListener('abort', () => reject(args.signal!.reason), { once: true });
      started.push({ args, release: () => resolve(new Float32Array(r * 2).fill(started.length)) });
    });
  return { project, started };
}

test('a newer request with other non-default params aborts the stale job, which stores nothing', async (t) => {
  const app = appWithSnapshots(join(tempDir(t), 'p.db'), [10]);
  t.after(() => app.store.close());
  const umap = controlledUmap();
  const service = new ProjectionService(app.tables.embedding, { project: umap.project });
  t.after(() => service.close());
  const { settled } = eventsOf(service);
  assert.equal(service.request('r', 'embedding', 10, { neighbors: 5, minDist: 0.5 }).status, 'queued');
  while (umap.started.length < 1) await new Promise((r) => setImmediate(r));
  assert.equal(service.request('r', 'embedding', 10, { neighbors: 5, minDist: 0.5 }).status, 'running');
  service.request('r', 'embedding', 10, { neighbors: 30, minDist: 0.5 });
  assert.equal(umap.started[0].args.signal!.aborted, true, 'the stale job was aborted');
  while (umap.started.length < 2) await new Promise((r) => setImmediate(r));
  assert.equal(umap.started[1].args.nNeighbors, 30);
  umap.started[1].release();
  assert.equal((await settled(10, 30)).status, 'ready');
  assert.equal(app.tables.embedding.projections.read({ ...defaultKey(10), paramsKey: 'n=5;d=0.5' }), null, 'the aborted layout is not cached');
  assert.equal(app.tables.embedding.projections.read({ ...defaultKey(10), paramsKey: 'n=30;d=0.5' })?.status, 'ready');
});

test('a requested step jumps the queue of background jobs', async (t) => {
  const app = appWithSnapshots(join(tempDir(t), 'p.db'), [10, 20, 30]);
  t.after(() => app.store.close());
  const umap = controlledUmap();
  const service = new ProjectionService(app.tables.embedding, { project: umap.project });
  t.after(() => service.close());
  for (const step of [10, 20, 30]) service.snapshotCompleted('r', 'embedding', step);
  while (umap.started.length < 1) await new Promise((r) => setImmediate(r));
  assert.equal(service.request('r', 'embedding', 30, DEFAULT_UMAP_PARAMS).status, 'queued');
  umap.started[0].release();
  while (umap.started.length < 2) await new Promise((r) => setImmediate(r));
  umap.started[1].release();
  while (umap.started.length < 3) await new Promise((r) => setImmediate(r));
  assert.deepEqual(Array.from(umap.started[1].args.init!), Array.from(new Float32Array(rows * 2).fill(1)), 'step 30 started from step 10, the latest laid out');
  umap.started[2].release();
  while (app.tables.embedding.projections.read(defaultKey(20)) === null) await new Promise((r) => setImmediate(r));
  const firstValue = (step: number) => {
    const cached = app.tables.embedding.projections.read(defaultKey(step));
    return cached?.status === 'ready' ? cached.layout[0] : null;
  };
  assert.deepEqual([10, 30, 20].map(firstValue), [1, 2, 3], 'the jobs ran as 10, 30, 20');
});

test('a failing job is stored and reported as failed, and the queue goes on', async (t) => {
  const app = appWithSnapshots(join(tempDir(t), 'p.db'), [10, 20]);
  t.after(() => app.store.close());
  let calls = 0;
  const project: ProjectFn = async (_m, r) => {
    if (++calls === 1) throw new Error('UMAP failed: the worker ran out of memory');
    return new Float32Array(r * 2);
  };
  const service = new ProjectionService(app.tables.embedding, { project });
  t.after(() => service.close());
  const { settled } = eventsOf(service);
  service.snapshotCompleted('r', 'embedding', 10);
  service.snapshotCompleted('r', 'embedding', 20);
  const failed = await settled(10);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.error, 'UMAP failed: the worker ran out of memory');
  assert.equal((await settled(20)).status, 'ready');
  assert.deepEqual(service.request('r', 'embedding', 10, DEFAULT_UMAP_PARAMS), {
    status: 'failed', layout: null, progress: null, error: 'UMAP failed: the worker ran out of memory',
  });
});

test('progress pushes of a job are at least 250 ms apart; status changes are not held back', async (t) => {
  const app = appWithSnapshots(join(tempDir(t), 'p.db'), [10]);
  t.after(() => app.store.close());
  let now = 1_000;
  const project: ProjectFn = async (_m, r, _d, args) => {
    for (const [at, done] of [[1_000, 1], [1_100, 2], [1_249, 3], [1_250, 4], [1_400, 5], [1_600, 6]]) {
      now = at;
      args.onProgress?.(done, 6);
    }
    return new Float32Array(r * 2);
  };
  const service = new ProjectionService(app.tables.embedding, { project, nowFunc: () => now });
  t.after(() => service.close());
  const { events, settled } = eventsOf(service);
  service.snapshotCompleted('r', 'embedding', 10);
  await settled(10);
  assert.deepEqual(events.map((e) => [e.status, e.progress?.done ?? null]), [
    ['queued', null],
    ['running', null],
    ['running', 1],
    ['running', 4],
    ['running', 6],
    ['ready', null],
  ]);
});
