import type { Candidates } from './nn-candidates';
import { lockedOffer, NeighborLists, Offer } from './neighbor-lists';
import { sharedInt32 } from './shared-arrays';
import { moduleWorker } from '../../../module-worker';

/** Slots of the control array the kNN thread and its helper share. */
export const Control = { job: 0, done: 1, kind: 2, a: 3, b: 4, changed: 5, failed: 6 } as const;
/** What the helper is asked to do: grow `a` trees from seed `b`, join rows [a, b), or stop. */
export const Job = { trees: 1, join: 2, quit: 3 } as const;

/** Longest wait for one job of the helper (its start under tsx included) before the kNN gives up. */
const JOB_LIMIT_MS = 300_000;

/** What the kNN thread hands its helper: everything on shared memory. */
export interface KnnHelperData {
  x: Float32Array;
  sq: Float64Array;
  rows: number;
  dim: number;
  leafSize: number;
  lists: NeighborLists;
  locks: Int32Array;
  fresher: { values: Int32Array; seen: Int32Array; size: number };
  older: { values: Int32Array; seen: Int32Array; size: number };
  control: Int32Array;
}

export interface KnnHelper {
  /** Offers into the shared lists under their row locks, as the helper does. */
  offer: Offer;
  growTrees(trees: number, seed: number): void;
  joinRows(from: number, to: number): void;
  /** Blocks until the helper's job is done; returns the list entries it changed. */
  finish(): number;
  close(): void;
}


/**
 * A helper thread for the kNN, driven through shared memory rather than messages: the kNN runs
 * inside planUmap, synchronously, so this thread blocks on Atomics.wait for each job to finish.
 */
export function startKnnHelper(args: { x: Float32Array; sq: Float64Array; rows: number; dim: number; leafSize: number; lists: NeighborLists; fresher: Candidates; older: Candidates }): KnnHelper {
  const { fresher, older, ...rest } = args;
  const plain = (c: Candidates) => ({ values: c.values, seen: c.seen, size: c.size });
  const data: KnnHelperData = { ...rest, locks: sharedInt32(args.rows), fresher: plain(fresher), older: plain(older), control: sharedInt32(7) };
  const { control } = data;
  const worker = moduleWorker(__dirname, 'knn-helper', data);
  const post = (kind: number, a: number, b: number) => {
    control[Control.kind] = kind;
    control[Control.a] = a;
    control[Control.b] = b;
    Atomics.add(control, Control.job, 1);
    Atomics.notify(control, Control.job);
  };
  return {
    offer: lockedOffer(args.lists, data.locks),
    growTrees: (trees, seed) => post(Job.trees, trees, seed),
    joinRows: (from, to) => post(Job.join, from, to),
    finish() {
      const job = Atomics.load(control, Control.job);
      for (let done = Atomics.load(control, Control.done); done !== job; done = Atomics.load(control, Control.done)) {
        if (Atomics.wait(control, Control.done, done, JOB_LIMIT_MS) === 'timed-out') throw new Error(`kNN helper thread gave no answer in ${JOB_LIMIT_MS / 1000} s`);
      }
      if (control[Control.failed] !== 0) throw new Error('kNN helper thread failed');
      return control[Control.changed];
    },
    close() {
      post(Job.quit, 0, 0);
      void worker.terminate();
    },
  };
}
