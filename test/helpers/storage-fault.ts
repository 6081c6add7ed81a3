import Database from 'better-sqlite3';

export interface StorageFault {
  /** Lets writes through again. */
  heal(): void;
}

/**
 * Makes every insert into `table` fail the way a full disk does, inside the store's own
 * transaction, until healed. Installed from a second connection as a trigger, so the store under
 * test runs its real code: its transaction rolls back exactly as it would on a real ENOSPC.
 */
export function injectStorageFault(dbPath: string, table: string): StorageFault {
  const name = `test_fault_${table}`;
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  return {
    heal() {
      db.exec(`DROP TRIGGER IF EXISTS ${name}`);
      db.close();
    },
  };
}
