import { accumulateFilterRows, filterRowsLength, type UnitStepShape } from './kernels/depthwise-unit-step';

/**
 * The JS work helper-threads.ts splits across threads, each split along independent items
 * (samples). Everything in a job is a number, a plain object or an array on shared memory.
 */
export type HelperJob =
  /** Each part sums into its own filterRowsLength slice of `rows`, folded once all are done. */
  | { kind: 'depthwise-filter'; xs: Float32Array; dys: Float32Array; shape: UnitStepShape; rows: Float64Array };

/** Runs items [from, to) of `job` as its part number `part`. */
export function runJobRange(job: HelperJob, part: number, from: number, to: number): void {
  const length = filterRowsLength(job.shape);
  accumulateFilterRows(job.xs, job.dys, job.shape, job.rows.subarray(part * length, (part + 1) * length), from, to);
}
