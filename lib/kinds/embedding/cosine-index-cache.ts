import type { EmbeddingSnapshotInfo } from './meta';
import { CosineIndex, cosineIndex } from './neighbors';
import { readMatrix } from './reader';
import type { EmbeddingTables } from './tables';

/** 32 Mi floats (128 MiB): three snapshots of the whole IMDB vocabulary at 128 dimensions, and then some. */
const MAX_CACHED_VALUES = 1 << 25;

/** Per open store, so that two files (tests, a reopened store) never share an entry. */
const caches = new WeakMap<EmbeddingTables, Map<string, CosineIndex>>();

/**
 * The snapshot's matrix and row norms, read and decoded once and kept while recently used: a
 * neighbour query over 80,000 rows is one pass of dot products, but reading the snapshot back
 * from SQLite costs several times that. A complete snapshot never changes (a resend is ignored,
 * a differing one refused); its wall time in the key tells a deleted run's snapshot from a new
 * run's at the same id, tag and step.
 */
export function cachedCosineIndex(tables: EmbeddingTables, runId: string, info: EmbeddingSnapshotInfo): CosineIndex {
  let cache = caches.get(tables);
  if (!cache) caches.set(tables, (cache = new Map()));
  const key = JSON.stringify([runId, info.tag, info.step, info.wallTime, info.rows, info.dim]);
  const hit = cache.get(key);
  if (hit) {
    // Re-inserting moves it to the end of the Map's order: the oldest entry is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const index = cosineIndex(readMatrix(tables, runId, info), info.rows, info.dim);
  cache.set(key, index);
  let values = 0;
  for (const entry of cache.values()) values += entry.matrix.length;
  for (const [oldest, entry] of cache) {
    if (values <= MAX_CACHED_VALUES || entry === index) break;
    cache.delete(oldest);
    values -= entry.matrix.length;
  }
  return index;
}
