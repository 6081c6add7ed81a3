import { parentPort, workerData } from 'node:worker_threads';
import { umapLayout, UmapArgs } from './umap-compute';

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

const port = parentPort;
if (port) {
  const { matrix, rows, dim, args } = workerData as UmapJob;
  try {
    const layout = umapLayout(matrix, rows, dim, args, (done, total) => {
      port.postMessage({ type: 'progress', done, total } satisfies UmapWorkerMessage);
    });
    port.postMessage({ type: 'done', layout } satisfies UmapWorkerMessage, [layout.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies UmapWorkerMessage);
  }
}
