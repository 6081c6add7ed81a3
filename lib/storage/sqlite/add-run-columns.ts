import type { Db } from './open-database';

/**
 * Columns that files written by earlier versions lack: the heartbeat's, the run's owner, and the
 * logdir an imported run came from. Adding them is idempotent and kept apart from the table's CREATE
 * statement so that a column added later is one line here.
 */
const ADDED_COLUMNS = { heard_at: 'REAL', secret_hash: 'TEXT', source: 'TEXT' };

export function addRunColumns(db: Db): void {
  const present = new Set((db.prepare(`PRAGMA table_info(runs)`).all() as { name: string }[]).map((c) => c.name));
  for (const [name, type] of Object.entries(ADDED_COLUMNS)) if (!present.has(name)) db.exec(`ALTER TABLE runs ADD COLUMN ${name} ${type}`);
}
