import type * as tf from '@tensorflow/tfjs';

type UnresolvedLogs = Record<string, number | tf.Scalar>;

/** Keys tfjs puts in batch logs that are bookkeeping, not metrics. */
const NOT_METRICS = new Set(['batch', 'size']);

/**
 * tfjs hands callbacks logs whose values may still be scalar tensors owned by the training
 * loop: read them without disposing, the loop disposes them after the callbacks ran.
 */
export async function resolveLogs(logs: UnresolvedLogs | undefined): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(logs ?? {})) {
    if (NOT_METRICS.has(key)) continue;
    out[key] = typeof value === 'number' ? value : (await value.data())[0];
  }
  return out;
}
