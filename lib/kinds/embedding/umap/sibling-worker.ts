import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` of folder `dir` (this one by default): .js when built,
 * .ts under tsx (dev, tests). On Node 20 `--import tsx` does not reach a worker's entry file (it
 * fails with ERR_UNKNOWN_FILE_EXTENSION); the CJS hook does.
 */
export function siblingWorker(name: string, workerData: unknown, dir = __dirname): Worker {
  const ext = extname(__filename);
  return new Worker(join(dir, `${name}${ext}`), { workerData, execArgv: ext === '.ts' ? ['--require', 'tsx/cjs'] : undefined });
}
