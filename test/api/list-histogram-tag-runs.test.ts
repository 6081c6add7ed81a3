import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import { GET } from '../../app/api/histograms/[...tag]/route';
import { computeHistogram } from '../../lib/kinds/histogram/compute-histogram';
import { closeApp, openApp } from '../../lib/app-context';
import { tempDir } from '../helpers/temp-dir';

const KERNEL = 'weights/conv1d/kernel';

/** Calls the route as Next does: a request plus the catch-all segments as params. */
async function get(segments: string[]): Promise<{ status: number; body: any }> {
  const url = `http://127.0.0.1/api/histograms/${segments.map(encodeURIComponent).join('/')}`;
  const response = await GET(new NextRequest(url), { params: Promise.resolve({ tag: segments }) });
  return { status: response.status, body: await response.json() };
}

test('GET /api/histograms/{tensor} lists the runs that recorded it, newest first, with their steps', async (t) => {
  const path = join(tempDir(t), 'compare.db');
  process.env.TENSORLENS_DB = path;
  t.after(() => closeApp(path));
  const { store, tables } = openApp(path);
  const at = (tag: string, step: number) => ({ ...computeHistogram([step, 1, 2], 4), tag, step, wallTime: 1000 + step });
  store.upsertRun({ id: 'old', name: 'lr=0.1', model: 'm', backend: 'b', config: {}, startedAt: 1 });
  store.upsertRun({ id: 'new', name: '<b>lr=0.01</b>', model: 'm', backend: 'b', config: {}, startedAt: 2 });
  store.upsertRun({ id: 'other', name: 'dense only', model: 'm', backend: 'b', config: {}, startedAt: 3 });
  tables.histogram.write('old', [at(KERNEL, 2), at(KERNEL, 0), at(KERNEL, 1)]);
  tables.histogram.write('new', [at(KERNEL, 0), at('activations/conv1d', 0)]);
  tables.histogram.write('other', [at('weights/dense/kernel', 0)]);
  store.setRunStatus('old', 'finished', null, 5);

  const { status, body } = await get(KERNEL.split('/'));
  assert.equal(status, 200);
  assert.deepEqual(body, {
    tag: KERNEL,
    runs: [
      { runId: 'new', name: '<b>lr=0.01</b>', status: 'running', startedAt: 2, steps: [0] },
      { runId: 'old', name: 'lr=0.1', status: 'finished', startedAt: 1, steps: [0, 1, 2] },
    ],
  });

  const missing = await get(['weights', 'nope']);
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { error: { code: 'not_found', message: 'no run has histogram tag "weights/nope"' } });

  const bad = await get(['weights', '<script>']);
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.code, 'unprocessable');
  assert.match(bad.body.error.message, /^tag: tag may hold letters/);
});
