import { resolve } from 'node:path';

/** Where the embedded SQLite file lives unless `--db` or TENSORLENS_DB says otherwise. */
export const DEFAULT_DB_PATH = 'logs/tensorlens.db';

export function resolveDbPath(explicit?: string): string {
  // Not a file the build needs: without the hint Turbopack traces the whole project from here.
  return resolve(/*turbopackIgnore: true*/ explicit || process.env.TENSORLENS_DB || DEFAULT_DB_PATH);
}
