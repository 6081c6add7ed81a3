import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from './attach-sockets';
import { nodeScriptArgs } from './node-script';

/** Small enough to finish in a few minutes on 2 cores, long enough to watch the curves grow. */
export const DEMO_TRAINER_ARGS = ['--model', 'imdb-conv1d', '--run-name', 'demo-imdb-conv1d', '--epochs', '6', '--train-samples', '5000', '--test-samples', '1000', '--histogram-freq', '1', '--embeddings-freq', '1', '--checkpoint', '--save-best-only', '--reduce-lr-patience', '1'];

/**
 * Machines without internet (CI, these dev boxes) keep the dataset in ../shared; IMDB_DATA wins,
 * and without either the trainer downloads and caches the public tarball itself.
 */
function localDataset(root: string): string | undefined {
  if (process.env.IMDB_DATA) return process.env.IMDB_DATA;
  const shared = join(root, '..', 'shared', 'data', 'imdb', 'aclImdb_v1_labeled.tar.gz');
  return existsSync(shared) ? shared : undefined;
}

/** Starts the lecture's IMDB Conv1D as a separate trainer process streaming to `serverUrl`. */
export function startDemoRun(root: string, serverUrl: string, compiled: boolean, log: Log): ChildProcess {
  const data = localDataset(root);
  const args = [...DEMO_TRAINER_ARGS, '--server', serverUrl, ...(data ? ['--data', data] : [])];
  const child = spawn(process.execPath, [...nodeScriptArgs(root, compiled, 'trainer/cli'), ...args], { cwd: root, stdio: 'inherit' });
  log(`demo run started (pid ${child.pid}): ${args.join(' ')}`);
  child.on('exit', (code, signal) => log(`demo run exited with ${signal ?? `code ${code}`}`));
  child.on('error', (e) => log(`demo run could not start: ${e.message}`));
  return child;
}
