import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NextRequest } from 'next/server';
import { join } from 'node:path';
import { GET } from '../../../app/api/runs/[id]/scalars/[...tag]/route';
import { closeApp, openApp } from '../../../lib/app-context';
import { tempDir } from '../../helpers/temp-dir';

const N = 200_000;

/** A flat series with one spike at `spike`, written as ingest would. */
function setUp(t: Parameters<typeof tempDir>[0], spike: number) {
  const path = join(tempDir(t), 'range.db');
  process.env.TENSORLENS_DB = path;
  t.after(() => closeApp(path));
  const app = openApp(path);
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  const steps = Array.from({ length: N }, (_, i) => i);
  const values = steps.map((s) => (s === spike ? 50 : s === spike + 1 ? -50 : s % 2 === 0 ? 1 : 0));
  app.store.transaction(() => app.tables.scalar.write('r', [{ tag: 'batch/loss', steps, wallTimes: steps.map((s) => 1000 + s), values }]));
  return app;
}

async function get(query: string) {
  const response = await GET(new NextRequest(`http://127.0.0.1/api/runs/r/scalars/batch/loss?${query}`), { params: Promise.resolve({ id: 'r', tag: ['batch', 'loss'] }) });
  return { status: response.status, body: await response.json() };
}

test('a step range is served from its own finer level: both extremes of the range kept, nothing outside it', async (t) => {
  setUp(t, 120_001);
  const whole = await get('max_points=100');
  assert.equal(whole.body.downsampled, true);

  const zoomed = await get('from_step=100000&to_step=140000&max_points=400');
  assert.equal(zoomed.status, 200);
  const steps = zoomed.body.points.map((p: number[]) => p[1]);
  assert.ok(steps.every((s: number) => s >= 100_000 && s <= 140_000), 'nothing outside the range');
  assert.ok(steps.length <= 402 && steps.length > 100, `${steps.length} points`);
  assert.deepEqual(steps, [...steps].sort((a: number, b: number) => a - b));
  const values = zoomed.body.points.map((p: number[]) => p[2]);
  assert.ok(values.includes(50) && values.includes(-50), 'the spike is there');
  assert.equal(zoomed.body.downsampled, true);

  // A range cutting through rollup buckets at both ends, narrow enough to come back raw.
  const raw = await get('from_step=120000&to_step=120003');
  assert.deepEqual(raw.body.points, [[121, 120000, 1], [121.001, 120001, 50], [121.002, 120002, -50], [121.003, 120003, 0]]);
  assert.equal(raw.body.downsampled, false);

  const tail = await get(`from_step=${N - 2}`);
  assert.deepEqual(tail.body.points.map((p: number[]) => p[1]), [N - 2, N - 1]);
  const past = await get(`from_step=${N + 5}&to_step=${N + 10}`);
  assert.deepEqual([past.status, past.body.points], [200, []]);
});

test('bad step ranges are refused with the parameter named', async (t) => {
  setUp(t, 5);
  for (const [query, field] of [['from_step=-1', 'from_step'], ['to_step=1.5', 'to_step'], ['from_step=10&to_step=5', 'from_step']]) {
    const { status, body } = await get(query);
    assert.equal(status, 422, query);
    assert.match(body.error.message, new RegExp(`^${field}:`));
  }
});
