import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import { GET as getSweep } from '../../app/api/sweeps/[id]/route';
import { GET as listSweeps } from '../../app/api/sweeps/route';
import { closeApp, openApp } from '../../lib/app-context';
import { tempDir } from '../helpers/temp-dir';

async function json(response: Response): Promise<{ status: number; body: any }> {
  return { status: response.status, body: await response.json() };
}

test('GET /api/sweeps lists sweeps newest first; GET /api/sweeps/{id} serves one with its trials, or a JSON 404', async (t) => {
  const path = join(tempDir(t), 'sweeps.db');
  process.env.TENSORLENS_DB = path;
  t.after(() => closeApp(path));
  const { store, tables } = openApp(path);
  const definition = {
    name: 'old', model: 'imdb-conv1d', method: 'random' as const, metric: 'val_acc', goal: 'max' as const, seed: 3, maxTrials: 3,
    space: [{ name: 'dropout', kind: 'uniform' as const, low: 0, high: 0.5 }], gridPoints: 5, medianStopping: false, parallel: 1, args: ['--epochs', '1'],
  };
  for (const [id, startedAt] of [['sw-old', 1], ['sw-new', 2], ['plain', 3]] as const) store.upsertRun({ id, name: id, model: 'sweep', backend: '', config: {}, startedAt });
  tables.sweep.writeDefinition('sw-old', definition);
  tables.sweep.writeDefinition('sw-new', { ...definition, name: 'new' });
  tables.sweep.writeTrials('sw-new', [{ trial: 0, runId: 'a', params: { dropout: 0.1 }, state: 'finished', value: 0.7, curve: [0.7], reason: null, startedAt: 2, finishedAt: 3 }]);
  const request = (path: string) => new NextRequest(`http://127.0.0.1${path}`);

  const list = await json(await listSweeps(request('/api/sweeps'), { params: Promise.resolve({}) }));
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.map((s: { id: string; bestValue: unknown }) => [s.id, s.bestValue]), [['sw-new', 0.7], ['sw-old', null]]);

  const one = await json(await getSweep(request('/api/sweeps/sw-new'), { params: Promise.resolve({ id: 'sw-new' }) }));
  assert.equal(one.status, 200);
  assert.deepEqual([one.body.name, one.body.args, one.body.bestTrial, one.body.trials.length], ['new', ['--epochs', '1'], 0, 1]);

  const missing = await json(await getSweep(request('/api/sweeps/plain'), { params: Promise.resolve({ id: 'plain' }) }));
  assert.deepEqual(missing, { status: 404, body: { error: { code: 'not_found', message: 'sweep "plain" not found' } } });
});
