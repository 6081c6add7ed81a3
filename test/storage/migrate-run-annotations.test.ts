import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createApp } from '../../lib/app-context';
import { addRunColumns } from '../../lib/storage/sqlite/add-run-columns';
import { tempDir } from '../helpers/temp-dir';

test('a database from before run annotations opens with its runs intact, and migrating again changes nothing', (t) => {
  const path = join(tempDir(t), 'old.db');
  const old = new Database(path);
  old.exec(`CREATE TABLE runs (id TEXT PRIMARY KEY, name TEXT NOT NULL, model TEXT NOT NULL, backend TEXT NOT NULL,
    config TEXT NOT NULL, status TEXT NOT NULL, error TEXT, started_at REAL NOT NULL, updated_at REAL NOT NULL, finished_at REAL)`);
  old.prepare(`INSERT INTO runs VALUES ('old', 'before', 'm', 'cpu', '{"lr":0.1}', 'finished', NULL, 1, 2, 3)`).run();
  old.close();

  const app = createApp(path);
  t.after(() => app.store.close());
  assert.deepEqual(app.store.getRun('old'), {
    id: 'old', name: 'before', model: 'm', backend: 'cpu', config: { lr: 0.1 }, status: 'finished', error: null,
    startedAt: 1, updatedAt: 2, finishedAt: 3, source: null, heardAt: null, tags: [], note: '', archived: false,
  });
  const columns = () => app.store.db.prepare(`PRAGMA table_info(runs)`).all().map((c) => (c as { name: string }).name);
  const once = columns();
  addRunColumns(app.store.db);
  assert.deepEqual(columns(), once);
  assert.deepEqual(once.slice(-4), ['user_name', 'user_tags', 'note', 'archived']);
  assert.equal(app.store.updateRun('old', { name: 'after', archived: true }), true);
  assert.deepEqual([app.store.getRun('old')!.name, app.store.getRun('old')!.archived], ['after', true]);
  assert.equal(app.store.updateRun('missing', { note: 'x' }), false);
});
