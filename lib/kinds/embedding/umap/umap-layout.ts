import { moduleWorker } from '../../../module-worker';
import type { UmapArgs } from './umap-compute';
import type { UmapJob, UmapWorkerMessage } from './umap-worker';

export interface ProjectUmapArgs extends UmapArgs {
  /** Optimisation epochs done out of the total, after each epoch. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Runs UMAP for one snapshot in a worker thread so the server keeps answering requests.
 * Resolves with the layout, rows x 2.
 */
export function projectUmap(matrix: Float32Array, rows: number, dim: number, args: ProjectUmapArgs = {}): Promise<Float32Array> {
  const { onProgress, signal, ...umapArgs } = args;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const job: UmapJob = { matrix, rows, dim, args: umapArgs };
  const worker = moduleWorker(__dirname, 'umap-worker', job);
  return new Promise<Float32Array>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: UmapWorkerMessage) => {
      if (msg.type === 'progress') onProgress?.(msg.done, msg.total);
      else if (msg.type === 'done') finish(() => resolve(msg.layout));
      else finish(() => reject(new Error(`UMAP failed: ${msg.message}`)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`UMAP worker exited with code ${code}`))));
  });
}
