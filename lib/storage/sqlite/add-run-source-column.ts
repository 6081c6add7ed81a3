import type { Db } from './open-database';

/**
 * Databases made before imports existed have no `source` column. Adding it is idempotent and
 * separate from the table's CREATE statement so that each added column is one small migration.
 */
export function addRunSourceColumn(db: Db): void {
  const columns = db.prepare(`PRAGMA table_info(runs)`).all() as { name: string }[];
  if (!columns.some((c) => c.name === 'source')) db.exec(`ALTER TABLE runs ADD COLUMN source TEXT`);
}
