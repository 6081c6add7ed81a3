import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../lib/app-context';
import { SqliteStore } from '../../lib/storage/sqlite-store';
import { tempDir } from '../helpers/temp-dir';

function storeWithPoints(path: string): void {
  const app = createApp(path);
  app.store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 1 });
  for (let i = 0; i < 20; i++) app.tables.scalar.write('r', [{ tag: `t${i}`, steps: Array.from({ length: 500 }, (_, k) => k), wallTimes: Array(500).fill(1), values: Array(500).fill(0.5) }]);
  app.store.close();
}

test('a database whose write-ahead log cannot be created is refused naming the path and the -wal file', (t) => {
  const path = join(tempDir(t), 'runs.db');
  storeWithPoints(path);
  // What a read-only folder does to SQLite, reproducible even as root: the -wal file cannot be made.
  mkdirSync(`${path}-wal`);
  assert.throws(
    () => new SqliteStore(path),
    (e: Error) => e.message === `cannot open the database ${path}: unable to open database file (${path}-wal must be files SQLite can write: its write-ahead log lives there)`,
  );
});

test('a database under a path that cannot be a folder is refused with the reason', (t) => {
  const file = join(tempDir(t), 'not-a-folder');
  writeFileSync(file, '');
  assert.throws(() => new SqliteStore(join(file, 'runs.db')), new RegExp(`^Error: cannot create the folder for the database ${file}/runs\\.db: EEXIST`));
});

test('a bit-flipped database is refused at start with what is damaged', (t) => {
  const path = join(tempDir(t), 'flipped.db');
  storeWithPoints(path);
  const bytes = readFileSync(path);
  // One bit in the header of every seventh page: the b-trees no longer parse.
  for (let page = 1; page * 4096 < bytes.length; page += 7) bytes[page * 4096 + 3] ^= 0x10;
  writeFileSync(path, bytes);
  assert.throws(() => new SqliteStore(path), /^Error: the database .*flipped\.db is damaged \(Tree \d+ page \d+: .*\); move it aside or restore a backup/);
});

test('a file that is not a database is refused as damaged, naming it', (t) => {
  const path = join(tempDir(t), 'notes.db');
  writeFileSync(path, 'these are not the pages you are looking for\n'.repeat(200));
  assert.throws(() => new SqliteStore(path), new RegExp(`^Error: the database ${path.replace(/\./g, '\\.')} is damaged \\(file is not a database\\)`));
});
