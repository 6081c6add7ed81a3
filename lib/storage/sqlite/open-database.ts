import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DamagedDatabase, explainOpenError } from './explain-open-error';

export type Db = Database.Database;

function makeFolder(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw new Error(`cannot create the folder for the database ${path}: ${(e as Error).message}`);
  }
}

/**
 * Opens the file in WAL mode so the dashboard's readers never block the ingest writer,
 * and with synchronous=NORMAL, which in WAL mode loses no committed transaction on a process crash.
 * A file that cannot be opened or fails SQLite's quick integrity check is refused with the reason.
 */
export function openDatabase(path: string, schema: readonly string[]): Db {
  if (path !== ':memory:') makeFolder(path);
  let db: Db | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new DamagedDatabase(path, check);
  } catch (e) {
    db?.close();
    throw e instanceof DamagedDatabase ? e : explainOpenError(path, e as Error);
  }
  db.transaction(() => {
    for (const statement of schema) db.exec(statement);
  })();
  return db;
}
