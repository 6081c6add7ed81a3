import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the file in WAL mode so the dashboard's readers never block the ingest writer,
 * and with synchronous=NORMAL, which in WAL mode loses no committed transaction on a process crash.
 */
export function openDatabase(path: string, schema: readonly string[]): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.transaction(() => {
    for (const statement of schema) db.exec(statement);
  })();
  return db;
}
