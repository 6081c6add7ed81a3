import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import { GET } from '../../app/api/scalars/[...tag]/route';
import { closeApp, openApp } from '../../lib/app-context';
import { tempDir } from '../helpers/temp-dir';

async function get(tag: string[], query: string) {
  const url = `http://127.0.0.1/api/scalars/${tag.join('/')}?${query}`;
  const response = await GET(new NextRequest(url), { params: Promise.resolve({ tag }) });
  return { status: response.status, body: await response.json() };
}

test('GET /api/scalars/{tag}?runs= reads one tag of many runs, each thinned on its own, leaving out runs without it', async (t) => {
  const path = join(tempDir(t), 'tag-runs.db');
  process.env.TENSORLENS_DB = path;
  t.after(() => closeApp(path));
  const { store, tables } = openApp(path);
  for (const [id, n] of [['short', 3], ['long', 1_000], ['other', 2]] as const) {
    store.upsertRun({ id, name: id, model: '', backend: '', config: {}, startedAt: 0 });
    const steps = Array.from({ length: n }, (_, i) => i);
    const tag = id === 'other' ? 'epoch/acc' : 'batch/loss';
    store.transaction(() => tables.scalar.write(id, [{ tag, steps, wallTimes: steps.map((s) => 2_000 + s), values: steps.map((s) => (s === 1 ? NaN : s / 10)) }]));
  }

  const { status, body } = await get(['batch', 'loss'], 'runs=short,long,other,ghost,short&max_points=100');
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(body.runs), ['short', 'long']);
  assert.deepEqual(body.runs.short, { count: 3, downsampled: false, points: [[2, 0, 0], [2.001, 1, 'NaN'], [2.002, 2, 0.2]] });
  assert.equal(body.runs.long.count, 1_000);
  assert.equal(body.runs.long.downsampled, true);
  assert.ok(body.runs.long.points.length <= 102 && body.runs.long.points.some((p: unknown[]) => p[2] === 'NaN'), 'thinned, the NaN kept');

  for (const [query, message] of [['max_points=10', /^runs:/], ['runs=', /name at least one run/], ['runs=a/b', /run id/], [`runs=${Array.from({ length: 101 }, (_, i) => `r${i}`).join(',')}`, /at most 100 runs/]] as const) {
    const bad = await get(['batch', 'loss'], query);
    assert.equal(bad.status, 422, query);
    assert.match(bad.body.error.message, message);
  }
});
