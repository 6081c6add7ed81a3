import { parentPort, workerData } from 'node:worker_threads';
import { runJobRange } from './helper-jobs';
import type { HelperMessage } from './helper-threads';

// A helper thread of helper-threads.ts: runs its share of each job it is handed, then counts
// itself done on the job's shared counter, where the training thread is waiting.
const port = parentPort;
if (port) {
  port.on('message', ({ job, part, from, to, done }: HelperMessage) => {
    try {
      runJobRange(job, part, from, to);
    } catch {
      Atomics.store(done, 1, 1);
    } finally {
      Atomics.add(done, 0, 1);
      Atomics.notify(done, 0);
    }
  });
  const { ready } = workerData as { ready: Int32Array };
  Atomics.store(ready, 0, 1);
  Atomics.notify(ready, 0);
}
