import { parentPort } from 'node:worker_threads';
import { computeHistogram } from './compute-histogram';
import type { BinJob, BinResult } from './histogram-binner';

/** Bins each job's tensors off the thread that trains, and posts the histograms back in tag order. */
parentPort!.on('message', ({ id, values, bucketCount }: BinJob) => {
  const reply: BinResult = { id, histograms: {} };
  try {
    for (const [tag, v] of Object.entries(values)) reply.histograms[tag] = computeHistogram(v, bucketCount);
  } catch (err) {
    reply.error = err instanceof Error ? err.message : String(err);
  }
  parentPort!.postMessage(reply);
});
