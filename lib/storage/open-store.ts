import { resolve } from 'node:path';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

/** Where the embedded SQLite file lives unless `--db` or TENSORLENS_DB says otherwise. */
export const DEFAULT_DB_PATH = 'logs/tensorlens.db';

export function resolveDbPath(explicit?: string): string {
  // Not a file the build needs: without the hint Turbopack traces the whole project from here.
  return resolve(/*turbopackIgnore: true*/ explicit || process.env.TENSORLENS_DB || DEFAULT_DB_PATH);
}

const STORES_KEY = Symbol.for('tensorlens.stores');

/**
 * One store per file per process. Next bundles route handlers apart from the custom server,
 * so the instance is kept on globalThis for both to share one connection and one tag cache.
 */
export function openStore(path = resolveDbPath()): Store {
  const registry = ((globalThis as Record<symbol, unknown>)[STORES_KEY] ??= new Map<string, Store>()) as Map<string, Store>;
  let store = registry.get(path);
  if (!store) {
    store = new SqliteStore(path);
    registry.set(path, store);
  }
  return store;
}

export function closeStore(path: string): void {
  const registry = (globalThis as Record<symbol, unknown>)[STORES_KEY] as Map<string, Store> | undefined;
  registry?.get(path)?.close();
  registry?.delete(path);
}
