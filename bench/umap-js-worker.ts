/**
 * umap-js with its defaults in a worker thread, so the projector bench can give up on it after a
 * time limit (at 80,000 rows it may run for many minutes) by terminating the thread.
 */
import { extname } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { UMAP } from 'umap-js';
import { seededRandom } from '../lib/seeded-random';

interface UmapJsJob {
  matrix: Float32Array;
  rows: number;
  dim: number;
  seed: number;
}

export type UmapJsResult = { layout: Float32Array; ms: number } | { timedOutAfterMs: number };

/** Resolves with umap-js' layout and time, or says it ran past `limitMs` (null: no limit). */
export function runUmapJs(job: UmapJsJob, limitMs: number | null): Promise<UmapJsResult> {
  const worker = new Worker(__filename, { workerData: job, execArgv: extname(__filename) === '.ts' ? ['--require', 'tsx/cjs'] : undefined });
  return new Promise((resolve, reject) => {
    const timer =
      limitMs === null
        ? undefined
        : setTimeout(() => {
            void worker.terminate();
            resolve({ timedOutAfterMs: limitMs });
          }, limitMs);
    worker.once('message', (result: { layout: Float32Array; ms: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

if (parentPort) {
  const { matrix, rows, dim, seed } = workerData as UmapJsJob;
  const data: number[][] = [];
  for (let r = 0; r < rows; r++) data.push(Array.from(matrix.subarray(r * dim, (r + 1) * dim)));
  const t0 = performance.now();
  const layout = Float32Array.from(new UMAP({ nComponents: 2, random: seededRandom(seed) }).fit(data).flat());
  parentPort.postMessage({ layout, ms: performance.now() - t0 });
}
