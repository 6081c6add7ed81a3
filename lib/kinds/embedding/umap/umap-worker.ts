import { parentPort, workerData } from 'node:worker_threads';
import { optimizeOnTwoThreads } from './two-thread-optimize';
import { planUmap, UmapArgs } from './umap-compute';
import { optimizeLayout } from './umap-optimize';

/** What `projectUmap` hands the worker. */
export interface UmapJob {
  matrix: Float32Array;
  rows: number;
  dim: number;
  args: UmapArgs;
}

/** Messages back to `projectUmap`. */
export type UmapWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; layout: Float32Array }
  | { type: 'error'; message: string };

/**
 * From here the kNN and the optimisation take seconds and a second thread pays for its start; below it, one
 * thread gives the same layout for the same seed every time.
 */
const TWO_THREADS_FROM_ROWS = 20_000;

async function project(port: NonNullable<typeof parentPort>, { matrix, rows, dim, args }: UmapJob): Promise<Float32Array> {
  const onEpoch = (done: number, total: number) => {
    port.postMessage({ type: 'progress', done, total } satisfies UmapWorkerMessage);
  };
  const twoThreads = rows >= TWO_THREADS_FROM_ROWS;
  const plan = planUmap(matrix, rows, dim, args, twoThreads);
  if (twoThreads) return optimizeOnTwoThreads(plan, onEpoch);
  optimizeLayout(plan.graph, rows, { ...plan, onEpoch });
  return plan.layout;
}

const port = parentPort;
if (port) {
  project(port, workerData as UmapJob).then(
    (layout) => port.postMessage({ type: 'done', layout } satisfies UmapWorkerMessage, [layout.buffer as ArrayBuffer]),
    (err: unknown) => port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies UmapWorkerMessage),
  );
}
