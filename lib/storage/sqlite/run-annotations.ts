import type { Db } from './open-database';

/**
 * What a user adds to a run after the fact: another name, tags, a note, and whether it is archived.
 * They live in columns of their own, apart from what the trainer sends, so that a run.start resent
 * after a reconnect never undoes a rename.
 */
const ANNOTATION_COLUMNS: readonly [name: string, definition: string][] = [
  ['user_name', 'TEXT'],
  ['user_tags', `TEXT NOT NULL DEFAULT '[]'`],
  ['note', `TEXT NOT NULL DEFAULT ''`],
  ['archived', 'INTEGER NOT NULL DEFAULT 0'],
];

/**
 * Adds the annotation columns to a runs table made before they existed. SQLite has no
 * `ADD COLUMN IF NOT EXISTS`, so each is added only when table_info lacks it: running this again,
 * or on a new file, changes nothing. Other branches add run columns the same way, each in its own
 * function, so their migrations do not collide.
 */
export function migrateRunAnnotations(db: Db): void {
  const present = new Set((db.prepare(`PRAGMA table_info(runs)`).all() as { name: string }[]).map((c) => c.name));
  db.transaction(() => {
    for (const [name, definition] of ANNOTATION_COLUMNS) {
      if (!present.has(name)) db.exec(`ALTER TABLE runs ADD COLUMN ${name} ${definition}`);
    }
  })();
}
