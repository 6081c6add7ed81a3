import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import { GET } from '../../app/api/scalars/[...tag]/route';
import { closeApp, openApp } from '../../lib/app-context';
import { decodeTagRunColumns, encodeTagRunColumns, TAG_RUNS_COLUMNS_TYPE } from '../../lib/kinds/scalar/tag-runs-columns';
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

test('format=f64 answers the same rows as float64 columns, NaN and ±Infinity as they are', async (t) => {
  const path = join(tempDir(t), 'tag-runs-f64.db');
  process.env.TENSORLENS_DB = path;
  t.after(() => closeApp(path));
  const { store, tables } = openApp(path);
  const special = [NaN, Infinity, -Infinity];
  for (const [id, n] of [['a', 5], ['b', 3_000]] as const) {
    store.upsertRun({ id, name: id, model: '', backend: '', config: {}, startedAt: 0 });
    const steps = Array.from({ length: n }, (_, i) => 2 * i);
    store.transaction(() => tables.scalar.write(id, [{ tag: 'batch/loss', steps, wallTimes: steps.map((s) => 1_700_000_000_123 + s), values: steps.map((s, i) => special[i] ?? 1 / (1 + s)) }]));
  }
  const url = 'http://127.0.0.1/api/scalars/batch/loss?runs=b,ghost,a&max_points=200';
  const binary = await GET(new NextRequest(`${url}&format=f64`), { params: Promise.resolve({ tag: ['batch', 'loss'] }) });
  assert.equal(binary.status, 200);
  assert.equal(binary.headers.get('content-type'), TAG_RUNS_COLUMNS_TYPE);
  const { tag, runs } = decodeTagRunColumns(await binary.arrayBuffer());
  const json = (await get(['batch', 'loss'], 'runs=b,ghost,a&max_points=200')).body;

  assert.equal(tag, 'batch/loss');
  assert.deepEqual([...runs.keys()], ['b', 'a']);
  for (const [id, columns] of runs) {
    const expected = json.runs[id];
    assert.equal(columns.count, expected.count);
    assert.equal(columns.downsampled, expected.downsampled);
    const rows = [...columns.steps].map((step, i) => [columns.wallTimes[i] / 1000, step, columns.values[i]]);
    assert.deepEqual(rows, expected.points.map(([wall, step, value]: [number, number, number | string]) => [wall, step, typeof value === 'string' ? Number(value) : value]), id);
  }
  assert.deepEqual([...runs.get('a')!.values.subarray(0, 3)], special);
  assert.equal(runs.get('b')!.count, 3_000);
  assert.ok(runs.get('b')!.steps.length <= 202);

  const bad = await GET(new NextRequest(`${url}&format=xml`), { params: Promise.resolve({ tag: ['batch', 'loss'] }) });
  assert.equal(bad.status, 422);
});

test('decoding a truncated or padded column answer fails with a clear message', () => {
  const points = new Map([['r', { count: 2, downsampled: false, points: [[0, 1, 0.5], [1, 2, NaN]] as [number, number, number][] }]]);
  const bytes = encodeTagRunColumns('t', points);
  const copy = (length: number) => {
    const buffer = new ArrayBuffer(length);
    new Uint8Array(buffer).set(bytes.subarray(0, Math.min(length, bytes.length)));
    return buffer;
  };
  assert.deepEqual([...decodeTagRunColumns(copy(bytes.length)).runs.get('r')!.values], [0.5, NaN]);
  assert.throws(() => decodeTagRunColumns(copy(bytes.length - 8)), /header says \d+ bytes, the answer holds/);
  assert.throws(() => decodeTagRunColumns(copy(bytes.length + 8)), /header says/);
  assert.throws(() => decodeTagRunColumns(copy(2)), /too short/);
});
