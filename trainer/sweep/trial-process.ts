import { fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EpochWatcher, TrialOutcome } from './run-sweep';
import { epochReportSchema, type Verdict } from './trial-messages';

const TRAINER_CLI = join(__dirname, '..', 'cli.ts');
/** What a failed trial's reason quotes of its output. */
const TAIL_CHARS = 2000;

export interface TrialProcessArgs {
  /** The trainer's flags (trialArgv). */
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** Everything the trial prints goes here. */
  logPath: string;
  watch: EpochWatcher;
  /** Aborting sends the trial SIGINT: it marks its run failed (interrupted) and exits. */
  signal: AbortSignal;
}

/** The last lines a failing trainer printed, where it says why ("training failed: …"). */
function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join('\n').slice(-TAIL_CHARS);
}

/**
 * One trial as its own trainer process, so that a crash or an out-of-memory kill ends that trial and
 * not the sweep. The trainer reports each epoch over the IPC channel and waits for the verdict
 * (trainer/callbacks/report-to-sweep.ts); its output goes to `logPath`. It has a process group of
 * its own, so Ctrl-C in the terminal reaches only the runner, which passes on one SIGINT: a trainer
 * that heard a second one would die before marking its run interrupted.
 */
export async function runTrialProcess(args: TrialProcessArgs): Promise<TrialOutcome> {
  await mkdir(dirname(args.logPath), { recursive: true });
  const log = createWriteStream(args.logPath);
  const child = fork(TRAINER_CLI, args.argv, {
    execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    env: args.env,
    serialization: 'advanced',
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-4 * TAIL_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('message', (message) => {
    const report = epochReportSchema.safeParse(message);
    if (!report.success) return;
    const { stop, reason } = args.watch(report.data.epoch, report.data.logs);
    const verdict: Verdict = { type: 'verdict', epoch: report.data.epoch, stop, reason };
    if (child.connected) child.send(verdict);
  });
  const interrupt = () => child.kill('SIGINT');
  args.signal.addEventListener('abort', interrupt, { once: true });
  const outcome = await new Promise<TrialOutcome>((resolve) => {
    child.once('error', (e) => resolve({ ok: false, reason: `could not start the trainer: ${e.message}` }));
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve({ ok: true });
      const how = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}` : `exit code ${code}`;
      resolve({ ok: false, reason: `${how}: ${lastLines(tail) || 'no output'}` });
    });
  });
  args.signal.removeEventListener('abort', interrupt);
  await new Promise((resolve) => log.end(resolve));
  return outcome;
}
