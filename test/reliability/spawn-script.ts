import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs one of this folder's scripts as a child process, killed with SIGKILL when the test ends. */
export function spawnScript(t: { after: (fn: () => void) => void }, script: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill('SIGKILL'));
  return child;
}

/** The port a serve-sockets.ts child listens on. */
export function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d) => resolve(Number(/port (\d+)/.exec(String(d))?.[1])));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}
