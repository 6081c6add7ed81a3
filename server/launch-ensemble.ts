import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LaunchEnsemble } from '../lib/ensemble/ensemble-jobs';

/**
 * `npm run ensemble`'s code as a child of the server, in `cwd`: the folder the runs trained in, where
 * their checkpoint paths resolve. From the compiled build when the server runs from dist/, else
 * through tsx. It inherits the environment, so TENSORLENS_TOKEN with it.
 */
export function ensembleLauncher(root: string, cwd = root): LaunchEnsemble {
  const compiled = __filename.endsWith('.js');
  const command = compiled ? [join(root, 'dist', 'trainer', 'ensemble', 'cli.js')] : ['--import', pathToFileURL(require.resolve('tsx')).href, join(root, 'trainer', 'ensemble', 'cli.ts')];
  return (args) => spawn(process.execPath, [...command, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}
