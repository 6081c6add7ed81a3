import { type CosineIndex, type Neighbor, nearestNeighbors } from './neighbors';

/** One snapshot of a word's neighbourhood, beside the one before it. */
export interface DriftStep {
  step: number;
  epoch: number | null;
  /** Best first. */
  neighbors: Neighbor[];
  /** Rows in this step's top k that were not in the previous step's, in this step's order. */
  entered: number[];
  /** Rows of the previous step's top k that are not in this one's, in the previous step's order. */
  left: number[];
}

export interface DriftSnapshot {
  step: number;
  epoch: number | null;
  index: CosineIndex;
}

/**
 * A word's top-k cosine neighbours at every snapshot, in the order given, with what entered and
 * what left since the snapshot before. The first snapshot has nothing to compare with, so nothing
 * entered or left there.
 */
export function neighborDrift(snapshots: readonly DriftSnapshot[], word: number, k: number): DriftStep[] {
  let previous: Neighbor[] | null = null;
  return snapshots.map(({ step, epoch, index }) => {
    const neighbors = nearestNeighbors(index, word, k);
    const before = previous;
    previous = neighbors;
    if (!before) return { step, epoch, neighbors, entered: [], left: [] };
    const now = new Set(neighbors.map((n) => n.index));
    const was = new Set(before.map((n) => n.index));
    return {
      step,
      epoch,
      neighbors,
      entered: neighbors.filter((n) => !was.has(n.index)).map((n) => n.index),
      left: before.filter((n) => !now.has(n.index)).map((n) => n.index),
    };
  });
}
