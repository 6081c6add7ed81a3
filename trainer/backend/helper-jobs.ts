import { backwardRows, forwardRows, type BackwardArrays, type RecurrenceArrays } from './lstm-recurrence';

/**
 * The JS work helper-threads.ts splits across threads, each split along independent items (batch
 * rows). Everything in a job is a number, a plain object or an array on shared memory.
 */
export type HelperJob =
  | { kind: 'lstm-forward'; arrays: RecurrenceArrays }
  | { kind: 'lstm-backward'; arrays: BackwardArrays };

/** Runs items [from, to) of `job`. */
export function runJobRange(job: HelperJob, from: number, to: number): void {
  if (job.kind === 'lstm-forward') forwardRows(job.arrays, from, to);
  else backwardRows(job.arrays, from, to);
}
