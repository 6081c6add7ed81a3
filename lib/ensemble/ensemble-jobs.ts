import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ENSEMBLE_RUN_LINE, MAX_JOB_LINES, ensembleArgs, type EnsembleJob, type EnsembleRequest } from './ensemble-job';

/** Starts the ensemble command with these arguments (the server knows how: tsx or the compiled build). */
export type LaunchEnsemble = (args: string[]) => ChildProcess;

const MAX_JOBS = 50;
const MAX_ERROR = 4_000;

/**
 * The server's ensemble jobs, one child process each. Jobs live in memory: a restart forgets them,
 * and the runs they stored stay. The oldest ended jobs are dropped past MAX_JOBS.
 */
export class EnsembleJobs {
  private readonly jobs = new Map<string, EnsembleJob>();
  private readonly children = new Map<string, ChildProcess>();

  constructor(
    private readonly launch: LaunchEnsemble,
    /** The server's own URL, which the command reads the runs from and writes the ensemble to. */
    private readonly server: string,
  ) {}

  start(request: EnsembleRequest): EnsembleJob {
    const job: EnsembleJob = { id: randomUUID(), runs: request.runs, weights: request.weights, state: 'running', lines: [], runId: null, error: null, startedAt: Date.now(), finishedAt: null };
    this.jobs.set(job.id, job);
    this.forgetOld();
    const stderr: string[] = [];
    const child = this.launch(ensembleArgs(request, this.server));
    this.children.set(job.id, child);
    const keep = (line: string) => {
      job.lines.push(line);
      if (job.lines.length > MAX_JOB_LINES) job.lines.shift();
      if (line.startsWith(ENSEMBLE_RUN_LINE)) job.runId = line.slice(ENSEMBLE_RUN_LINE.length).trim();
    };
    createInterface({ input: child.stdout! }).on('line', keep);
    createInterface({ input: child.stderr! }).on('line', (line) => {
      keep(line);
      stderr.push(line);
    });
    const end = (error: string | null) => {
      if (job.state !== 'running') return;
      this.children.delete(job.id);
      job.finishedAt = Date.now();
      job.state = error === null && job.runId !== null ? 'finished' : 'failed';
      if (job.state === 'failed') job.error = (error ?? 'the command ended without storing an ensemble run').slice(-MAX_ERROR);
    };
    child.on('error', (e) => end(`could not start the ensemble command: ${e.message}`));
    // 'close', not 'exit': the output streams have ended, so the run id line has been read.
    child.on('close', (code, signal) => end(code === 0 ? null : stderr.join('\n').trim() || `the ensemble command exited with ${signal ?? `code ${code}`}`));
    return job;
  }

  get(id: string): EnsembleJob | null {
    return this.jobs.get(id) ?? null;
  }

  /** Stops the jobs still running (the server is closing). */
  close(): void {
    for (const child of this.children.values()) child.kill('SIGTERM');
    this.children.clear();
  }

  private forgetOld(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= MAX_JOBS) return;
      if (job.state !== 'running') this.jobs.delete(id);
    }
  }
}
