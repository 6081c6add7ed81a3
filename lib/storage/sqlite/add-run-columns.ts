import type { Db } from './open-database';

/**
 * Columns that files written by earlier versions lack: the heartbeat's, the run's owner, the logdir
 * an imported run came from, and what a user adds after the fact (another name, tags, a note, and
 * whether it is archived). The user's columns stand apart from what the trainer sends, so that a
 * run.start resent after a reconnect never undoes a rename. SQLite has no `ADD COLUMN IF NOT EXISTS`,
 * so each is added only when table_info lacks it: running this again, or on a new file, changes
 * nothing. Kept apart from the table's CREATE statement so that a column added later is one line here.
 */
const ADDED_COLUMNS: readonly [name: string, definition: string][] = [
  ['heard_at', 'REAL'],
  ['secret_hash', 'TEXT'],
  ['source', 'TEXT'],
  ['user_name', 'TEXT'],
  ['user_tags', `TEXT NOT NULL DEFAULT '[]'`],
  ['note', `TEXT NOT NULL DEFAULT ''`],
  ['archived', 'INTEGER NOT NULL DEFAULT 0'],
];

export function addRunColumns(db: Db): void {
  const present = new Set((db.prepare(`PRAGMA table_info(runs)`).all() as { name: string }[]).map((c) => c.name));
  db.transaction(() => {
    for (const [name, definition] of ADDED_COLUMNS) {
      if (!present.has(name)) db.exec(`ALTER TABLE runs ADD COLUMN ${name} ${definition}`);
    }
  })();
}
