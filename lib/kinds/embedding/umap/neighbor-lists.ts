import type { KnnGraph, Metric } from './knn-graph';

/**
 * Each row's k best candidates found so far, nearest first, as squared euclidean distances, and
 * whether each arrived since NN-descent last joined it (only new pairs can find anything new).
 */
export interface NeighborLists {
  k: number;
  indices: Int32Array;
  d2: Float64Array;
  fresh: Uint8Array;
}

/** Offers `col` at squared distance `d2` to `row`'s list; 1 when it went in. */
export type Offer = (row: number, col: number, d2: number) => number;

/** Lists holding only each row itself, first at distance 0, as UMAP expects; `shared` puts them where two threads see them. */
export function selfOnlyLists(rows: number, k: number, shared = false): NeighborLists {
  const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
  const lists = {
    k,
    indices: new Int32Array(new Buffer(4 * rows * k)).fill(-1),
    d2: new Float64Array(new Buffer(8 * rows * k)).fill(Infinity),
    fresh: new Uint8Array(new Buffer(rows * k)),
  };
  for (let r = 0; r < rows; r++) {
    lists.indices[r * k] = r;
    lists.d2[r * k] = 0;
  }
  return lists;
}

/** Puts `col` into `row`'s list if nearer than its worst and not already there; 1 when it went in. */
export function offerNeighbor(lists: NeighborLists, row: number, col: number, d2: number): number {
  const { k, indices, fresh } = lists;
  const best = lists.d2;
  const o = row * k;
  if (d2 >= best[o + k - 1]) return 0;
  for (let p = 0; p < k; p++) if (indices[o + p] === col) return 0;
  let p = k - 1;
  while (p > 0 && best[o + p - 1] > d2) {
    best[o + p] = best[o + p - 1];
    indices[o + p] = indices[o + p - 1];
    fresh[o + p] = fresh[o + p - 1];
    p--;
  }
  best[o + p] = d2;
  indices[o + p] = col;
  fresh[o + p] = 1;
  return 1;
}

/**
 * offerNeighbor for two threads on shared lists: a row's list is rewritten under its lock in
 * `locks`. The unlocked first look at the worst entry turns most offers away without taking it;
 * one that races with a write only costs a look under the lock.
 */
export function lockedOffer(lists: NeighborLists, locks: Int32Array): Offer {
  const { k, d2: best } = lists;
  return (row, col, d2) => {
    if (d2 >= best[row * k + k - 1]) return 0;
    lockRow(locks, row);
    try {
      return offerNeighbor(lists, row, col, d2);
    } finally {
      unlockRow(locks, row);
    }
  };
}

/**
 * A futex-style lock (Drepper's "Futexes are tricky", mutex 2): 0 free, 1 held, 2 held with a
 * thread asleep on it. A thread that finds it held sleeps rather than spins: on a machine with
 * more busy threads than cores the holder may be descheduled, and spinning would burn its slice.
 */
function lockRow(locks: Int32Array, row: number): void {
  let state = Atomics.compareExchange(locks, row, 0, 1);
  if (state === 0) return;
  if (state !== 2) state = Atomics.exchange(locks, row, 2);
  while (state !== 0) {
    Atomics.wait(locks, row, 2);
    state = Atomics.exchange(locks, row, 2);
  }
}

function unlockRow(locks: Int32Array, row: number): void {
  if (Atomics.sub(locks, row, 1) === 1) return;
  Atomics.store(locks, row, 0);
  Atomics.notify(locks, row, 1);
}

/** The graph UMAP takes: cosine distance is half the squared distance of unit rows. */
export function toKnnGraph({ k, indices, d2 }: NeighborLists, metric: Metric): KnnGraph {
  const distances = new Float32Array(indices.length);
  const out = Int32Array.from(indices);
  for (let e = 0; e < out.length; e++) {
    // A slot nothing filled (fewer than k rows reached) points back at its row: fuzzy-graph skips it.
    if (out[e] < 0) {
      out[e] = Math.floor(e / k);
      continue;
    }
    distances[e] = metric === 'cosine' ? d2[e] / 2 : Math.sqrt(d2[e]);
  }
  return { k, indices: out, distances };
}
