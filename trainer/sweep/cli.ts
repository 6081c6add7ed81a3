import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { SWEEP_MODEL, bestTrial, type SweepDefinition, type SweepTrial } from '../../lib/kinds/sweep/meta';
import { formatMetric } from '../callbacks/progress-bar';
import { ApiRequestError } from '../io/fetch-api';
import { runCommand } from '../run-command';
import { readSweep } from './read-sweep';
import { bestOf, runSweep } from './run-sweep';
import { SWEEP_USAGE, parseSweepFlags, type SweepCommand } from './sweep-flags';
import { trialArgv } from './trial-args';
import { runTrialProcess } from './trial-process';

const sweepDir = (sweepId: string) => join('logs', 'sweeps', sweepId);

/**
 * The sweep's run, which only its own secret may reopen: a new sweep keeps the secret beside its
 * trial logs, and a resume reads it from there.
 */
async function sweepRun(sweepId: string, definition: SweepDefinition, server: string, resume: boolean): Promise<Run> {
  const secretFile = join(sweepDir(sweepId), 'secret');
  if (resume && !existsSync(secretFile)) throw new Error(`cannot resume sweep ${sweepId} from here: its secret is in ${secretFile} where it started`);
  const secret = resume ? (await readFile(secretFile, 'utf8')).trim() : undefined;
  const run = new Run({ server, id: sweepId, secret, name: definition.name, model: SWEEP_MODEL, config: { ...definition } });
  if (!resume) {
    await mkdir(sweepDir(sweepId), { recursive: true });
    await writeFile(secretFile, run.secret, { mode: 0o600 });
  }
  return run;
}

/** The sweep to run: a new one, or a stored one with the trials it has. */
async function load(command: SweepCommand): Promise<{ sweepId: string; definition: SweepDefinition; previous: SweepTrial[] }> {
  if (command.kind === 'new') return { sweepId: `sw-${randomBytes(5).toString('hex')}`, definition: command.definition, previous: [] };
  const { definition, trials } = await readSweep(command.server, command.sweepId);
  const changes = { maxTrials: command.maxTrials ?? definition.maxTrials, parallel: command.parallel ?? definition.parallel };
  return { sweepId: command.sweepId, definition: { ...definition, ...changes }, previous: trials };
}

/**
 * Trials side by side share the cores: each trainer's WASM backend takes one thread per core, so
 * with N at once each gets cores / N (unless TENSORLENS_WASM_THREADS says otherwise).
 */
function trialEnv(parallel: number): NodeJS.ProcessEnv {
  if (parallel === 1 || process.env.TENSORLENS_WASM_THREADS) return process.env;
  return { ...process.env, TENSORLENS_WASM_THREADS: String(Math.max(1, Math.floor(availableParallelism() / parallel))) };
}

function summary(definition: SweepDefinition, trials: readonly SweepTrial[]): string {
  const best = bestTrial(trials, definition.goal);
  const rows = trials.map((t) => `${t === best ? '*' : ' '} ${String(t.trial).padStart(3)}  ${t.state.padEnd(8)} ${(t.value === null ? '-' : formatMetric(t.value)).padStart(10)}  ${JSON.stringify(t.params)}  ${t.runId}`);
  return [`  trial  state    ${definition.metric.padStart(10)}  params  run`, ...rows].join('\n');
}

/** Runs the sweep to its end, or until Ctrl-C; the exit code says which. */
async function sweep(command: SweepCommand): Promise<number> {
  const { server } = command;
  const { sweepId, definition, previous } = await load(command);
  const run = await sweepRun(sweepId, definition, server, command.kind === 'resume');
  run.logSweep(definition);
  if (command.kind === 'resume') run.setStatus('running');
  console.log(`sweep ${sweepId} (${definition.method}, ${definition.maxTrials} trials, ${definition.goal} ${definition.metric}) streaming to ${server}`);

  let best = bestOf(previous.flatMap((t) => (t.value !== null && t.state !== 'failed' && t.state !== 'running' ? [t.value] : [])), definition.goal);
  const report = (trial: SweepTrial) => {
    run.logSweepTrials([trial]);
    if (trial.finishedAt === null || trial.state === 'failed' || trial.value === null) return;
    best = bestOf(best === null ? [trial.value] : [best, trial.value], definition.goal);
    run.log({ 'sweep/value': trial.value, 'sweep/best': best! }, trial.trial);
  };
  // Trials run in their own process groups (trial-process.ts): a stop signal reaches them once, from here.
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => controller.abort(signal));
  const env = trialEnv(definition.parallel);
  const result = await runSweep(sweepId, definition, previous, {
    train: (job, watch) =>
      runTrialProcess({ argv: trialArgv(sweepId, definition, job, server), env, logPath: join(sweepDir(sweepId), `trial-${job.trial}.log`), watch, signal: controller.signal }),
    report,
    signal: controller.signal,
    now: Date.now,
    log: (line) => console.log(line),
  });
  console.log(summary(definition, result.trials));
  if (controller.signal.aborted) {
    await run.finish('failed', `interrupted (${controller.signal.reason}): npm run sweep -- --resume ${sweepId} continues it`);
    console.log(`interrupted: npm run sweep -- --resume ${sweepId} --server ${server} continues it`);
    return 130;
  }
  if (result.fatal) {
    await run.finish('failed', result.fatal);
    console.error(`sweep failed: ${result.fatal}`);
    return 1;
  }
  const delivered = await run.finish('finished');
  if (!delivered) console.error(`warning: the server at ${server} did not confirm every report of sweep ${sweepId}`);
  return 0;
}

runCommand(parseSweepFlags, SWEEP_USAGE, sweep, (e) => (e instanceof ApiRequestError ? e.message : `sweep failed: ${e.stack ?? e.message}`));
