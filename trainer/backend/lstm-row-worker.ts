import { parentPort } from 'node:worker_threads';
import { backwardRows, forwardRows } from './lstm-recurrence';
import type { RowMessage } from './lstm-row-threads';

// A helper thread of lstm-row-threads.ts: runs its range of rows of each job it is handed, then
// counts itself done on the job's shared counter, where the training thread is waiting.
const port = parentPort;
if (port) {
  port.on('message', ({ job, from, to, done }: RowMessage) => {
    try {
      if (job.kind === 'forward') forwardRows(job.arrays, from, to);
      else backwardRows(job.arrays, from, to);
    } catch {
      Atomics.store(done, 1, 1);
    } finally {
      Atomics.add(done, 0, 1);
      Atomics.notify(done, 0);
    }
  });
  port.postMessage('ready');
}
