import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../../lib/app-context';
import { RUN_SCHEMA } from '../../lib/storage/sqlite/run-table';
import { tempDir } from '../helpers/temp-dir';

const source = { format: 'tensorboard' as const, path: '/logs/fit', details: ['train/ and validation/ are one run'], renamedTags: [], metrics: [], notShown: [], problems: [] };

test('a database from before imports gains the source column, keeps its runs, and stores a source', (t) => {
  const path = join(tempDir(t), 'old.db');
  const old = new Database(path);
  for (const statement of RUN_SCHEMA) old.exec(statement);
  old.prepare(`INSERT INTO runs VALUES ('r1', 'native', '', '', '{}', 'finished', NULL, 1, 2, 2)`).run();
  old.close();

  const app = createApp(path);
  assert.equal(app.store.getRun('r1')!.source, null);
  app.store.upsertRun({ id: 'r2', name: 'fit', model: '', backend: '', config: {}, startedAt: 5, source });
  app.store.close();

  const reopened = createApp(path);
  t.after(() => reopened.store.close());
  assert.deepEqual(reopened.store.getRun('r2')!.source, source, 'opening twice migrates once');
  assert.equal(reopened.store.getRun('r1')!.status, 'finished');
});
