import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(__dirname, '../..');
const tsx = pathToFileURL(require.resolve('tsx')).href;

/**
 * A command of ours (`trainer/cli.ts`, `trainer/sweep/cli.ts`, …) as a child process, with everything
 * it printed. `cwd` is where its logs/ (checkpoints, trial logs) go.
 */
export function runScript(script: string, args: string[], cwd = root): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', tsx, join(root, script), ...args], { cwd });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => done({ code, output }));
  });
}

/** `npm run train -- …` as a child process, with everything it printed. */
export function runTrainer(args: string[]): Promise<{ code: number | null; output: string }> {
  return runScript('trainer/cli.ts', args);
}
