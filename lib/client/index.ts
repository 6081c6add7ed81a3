import { Run, RunArgs } from './run';
import type { ReportedStatus } from '../protocol/ingest-messages';

export { Run } from './run';
export type { RunArgs } from './run';

/** Default dashboard URL for any training script: TENSORLENS_URL, else the local server. */
export function defaultServerUrl(): string {
  return process.env.TENSORLENS_URL || 'http://127.0.0.1:3000';
}

let current: Run | null = null;

function requireRun(call: string): Run {
  if (!current) throw new Error(`Call tensorlens.init() before ${call}().`);
  return current;
}

/** Starts a run that later `log` and `finish` calls write to; `server` defaults to defaultServerUrl(). */
export function init(args: Omit<RunArgs, 'server'> & { server?: string }): Run {
  current?.close();
  current = new Run({ ...args, server: args.server ?? defaultServerUrl() });
  return current;
}

export function log(metrics: Record<string, number>, step: number): void {
  requireRun('log').log(metrics, step);
}

export async function finish(status: Exclude<ReportedStatus, 'running'> = 'finished', error?: string): Promise<boolean> {
  const run = requireRun('finish');
  current = null;
  return run.finish(status, error);
}
