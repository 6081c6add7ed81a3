import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSplit, sharedFloats, startHelpers } from '../../../trainer/backend/helper-threads';
import { filterRowsLength, sumFilterRows, type UnitStepShape } from '../../../trainer/backend/kernels/depthwise-unit-step';
import { randomFloats, rng } from './kernel-harness';

/** A depthwise filter gradient job over seeded samples, as the SeparableConv2D's step hands over. */
function depthwiseJob(threads: number) {
  // 'same' padding, so the taps at the edges skip columns and rows.
  const shape: UnitStepShape = { batchSize: 14, inHeight: 6, inWidth: 7, inChannels: 3, outHeight: 6, outWidth: 7, filterHeight: 3, filterWidth: 3, padInfo: { top: 1, left: 1 } };
  const xs = sharedFloats(14 * 6 * 7 * 3, randomFloats(rng(6), 14 * 6 * 7 * 3));
  const dys = sharedFloats(14 * 6 * 7 * 3, randomFloats(rng(7), 14 * 6 * 7 * 3));
  const rows = new Float64Array(new SharedArrayBuffer(8 * threads * filterRowsLength(shape)));
  return { kind: 'depthwise-filter' as const, xs, dys, shape, rows };
}

// First in this file: no helper may be started yet.
test('helpers started by a split take part while the training thread never yields to its event loop', () => {
  // A trainOnBatch loop: splits back to back, no await between them. Each helper counts its part
  // done on the job's shared counter, so a split that reports 3 threads had both helpers run.
  const deadline = Date.now() + 60_000;
  let took = 0;
  while (took < 3 && Date.now() < deadline) took = runSplit(depthwiseJob(3), 14, 3);
  assert.equal(took, 3, 'the helpers never took part');
});

test('the depthwise filter gradient split by samples across helper threads sums to what one thread sums', async () => {
  await startHelpers(2);
  const gradient = (threads: number) => {
    const job = depthwiseJob(threads);
    assert.equal(runSplit(job, job.shape.batchSize, threads), threads);
    return sumFilterRows(job.shape, job.rows, threads);
  };
  const single = gradient(1);
  const split = gradient(3);
  assert.ok(single.some((v) => v !== 0));
  single.forEach((v, k) => assert.ok(Math.abs(split[k] - v) <= 1e-12 * Math.max(1, Math.abs(v)), `tap-channel ${k}: ${split[k]} vs ${v}`));
});
