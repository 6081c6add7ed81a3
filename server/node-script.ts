import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The node arguments that run one of the project's scripts (`trainer/cli`, say): its compiled
 * build when the server runs from dist/, else its TypeScript source through tsx.
 */
export function nodeScriptArgs(root: string, compiled: boolean, script: string): string[] {
  return compiled
    ? [join(root, 'dist', `${script}.js`)]
    : ['--import', pathToFileURL(require.resolve('tsx')).href, join(root, `${script}.ts`)];
}
