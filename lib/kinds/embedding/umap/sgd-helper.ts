import { parentPort, workerData } from 'node:worker_threads';
import { EdgeRangeArgs, runEpochs } from './umap-optimize';

/** What the optimising thread hands its helper: shared arrays, and a stop flag at stop[0]. */
export interface HelperJob extends Omit<EdgeRangeArgs, 'onEpoch'> {
  stop: Int32Array;
}

const port = parentPort;
if (port) {
  const job = workerData as HelperJob;
  runEpochs({ ...job, onEpoch: () => Atomics.load(job.stop, 0) === 1 });
  port.postMessage('done');
}
