import { parentPort, workerData } from 'node:worker_threads';
import { Control, Job, KnnHelperData } from './knn-threads';
import { Candidates } from './nn-candidates';
import { lockedOffer } from './neighbor-lists';
import { joinRows } from './nn-descent';
import { forestNeighbors } from './rp-forest';
import { seededRandom } from '../../../seeded-random';

/** Waits for each job the kNN thread posts in `control`, does it, and marks it done. */
function serve({ x, sq, rows, dim, leafSize, lists, locks, fresher, older, control }: KnnHelperData): void {
  const offer = lockedOffer(lists, locks);
  const fresh = new Candidates(fresher.values, fresher.seen, fresher.size);
  const old = new Candidates(older.values, older.seen, older.size);
  for (let served = 0; ; ) {
    Atomics.wait(control, Control.job, served);
    served = Atomics.load(control, Control.job);
    const kind = control[Control.kind];
    if (kind === Job.quit) return;
    const a = control[Control.a];
    const b = control[Control.b];
    try {
      if (kind === Job.trees) forestNeighbors(x, sq, rows, dim, offer, a, leafSize, seededRandom(b));
      control[Control.changed] = kind === Job.join ? joinRows(x, sq, dim, offer, fresh, old, a, b) : 0;
    } catch (err) {
      console.error('kNN helper thread:', err);
      control[Control.failed] = 1;
    }
    Atomics.store(control, Control.done, served);
    Atomics.notify(control, Control.done);
  }
}

if (parentPort) serve(workerData as KnnHelperData);
