import { spawn } from 'node:child_process';
import type { LaunchEnsemble } from '../lib/ensemble/ensemble-jobs';
import { nodeScriptArgs } from './node-script';

/**
 * `npm run ensemble`'s code as a child of the server, in `cwd`: the folder the runs trained in, where
 * their checkpoint paths resolve. From the compiled build when the server runs from dist/, else
 * through tsx. It inherits the environment, so TENSORLENS_TOKEN with it.
 */
export function ensembleLauncher(root: string, cwd = root): LaunchEnsemble {
  const command = nodeScriptArgs(root, __filename.endsWith('.js'), 'trainer/ensemble/cli');
  return (args) => spawn(process.execPath, [...command, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}
