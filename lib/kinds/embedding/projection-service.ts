import { DEFAULT_UMAP_PARAMS, isDefaultParams, paramsKey, Progress, ProjectionEvent, UmapParams } from './meta';
import type { ProjectionKey } from './projection-table';
import type { ProjectionJobs, ProjectionState } from './projection-jobs';
import type { EmbeddingTables } from './tables';
import { projectUmap, ProjectUmapArgs } from './umap/umap-layout';

/** Progress pushes for one job are at least this far apart; status changes go out at once. */
export const PROGRESS_INTERVAL_MS = 250;

export type ProjectFn = (matrix: Float32Array, rows: number, dim: number, args: ProjectUmapArgs) => Promise<Float32Array>;

export interface ProjectionServiceArgs {
  /** The UMAP runner; the worker-thread one by default. */
  project?: ProjectFn;
  /** The clock that spaces progress pushes PROGRESS_INTERVAL_MS apart; Date.now by default. */
  nowFunc?: () => number;
  /** Where a job's unexpected failure to record its result is reported. Default: console.error. */
  log?: (line: string) => void;
}

interface Job {
  runId: string;
  tag: string;
  step: number;
  params: UmapParams;
  key: ProjectionKey;
  status: 'queued' | 'running';
  progress: Progress | null;
  /** 0 for background work; requests get ever larger numbers, so the latest request goes first. */
  priority: number;
  controller: AbortController;
  lastPushAt: number;
}

const jobId = (k: ProjectionKey) => `${k.runId}\u0000${k.tag}\u0000${k.step}\u0000${k.paramsKey}`;

/**
 * The server's UMAP queue: one layout at a time (the machine has two cores), each in a worker
 * thread, each cached in SQLite. A snapshot's layout starts from the layout of the step before,
 * so epochs line up; background jobs run in step order, requested ones first.
 */
export class ProjectionService implements ProjectionJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Set<(event: ProjectionEvent) => void>();
  private readonly project: ProjectFn;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private running: Job | null = null;
  private requests = 0;
  private closed = false;

  constructor(private readonly tables: EmbeddingTables, args: ProjectionServiceArgs = {}) {
    this.project = args.project ?? projectUmap;
    this.now = args.nowFunc ?? Date.now;
    this.log = args.log ?? ((line) => console.error(`[tensorlens] ${line}`));
  }

  subscribe(listener: (event: ProjectionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshotCompleted(runId: string, tag: string, step: number): void {
    const key = this.keyOf(runId, tag, step, DEFAULT_UMAP_PARAMS);
    if (!this.jobs.has(jobId(key)) && !this.tables.projections.read(key)) this.enqueue(runId, tag, step, DEFAULT_UMAP_PARAMS, 0);
  }

  request(runId: string, tag: string, step: number, params: UmapParams): ProjectionState {
    const key = this.keyOf(runId, tag, step, params);
    const cached = this.tables.projections.read(key);
    if (cached?.status === 'ready') return { status: 'ready', layout: cached.layout, progress: null, error: null };
    if (cached?.status === 'failed') return { status: 'failed', layout: null, progress: null, error: cached.error };
    let job = this.jobs.get(jobId(key));
    if (job) job.priority = Math.max(job.priority, ++this.requests);
    else job = this.enqueue(runId, tag, step, params, ++this.requests);
    return { status: job.status, layout: null, progress: job.progress, error: null };
  }

  /** Aborts the running job and forgets the queue; nothing half-done is stored. */
  close(): void {
    this.closed = true;
    for (const job of this.jobs.values()) job.controller.abort(new Error('the server is shutting down'));
    this.jobs.clear();
    this.listeners.clear();
  }

  private keyOf(runId: string, tag: string, step: number, params: UmapParams): ProjectionKey {
    return { runId, tag, step, method: 'umap', paramsKey: paramsKey(params) };
  }

  private enqueue(runId: string, tag: string, step: number, params: UmapParams, priority: number): Job {
    const key = this.keyOf(runId, tag, step, params);
    // The page asks for one non-default setting at a time: an older one for this tag is stale.
    if (!isDefaultParams(params)) {
      for (const [id, other] of this.jobs) {
        if (other.runId === runId && other.tag === tag && !isDefaultParams(other.params) && other.key.paramsKey !== key.paramsKey) {
          other.controller.abort(new Error('superseded by a request with other parameters'));
          this.jobs.delete(id);
        }
      }
    }
    const job: Job = { runId, tag, step, params, key, status: 'queued', progress: null, priority, controller: new AbortController(), lastPushAt: 0 };
    this.jobs.set(jobId(key), job);
    this.emit(job, 'queued', null);
    setImmediate(() => this.pump());
    return job;
  }

  private next(): Job | undefined {
    let best: Job | undefined;
    for (const job of this.jobs.values()) {
      if (job.status !== 'queued') continue;
      if (!best || job.priority > best.priority || (job.priority === best.priority && job.step < best.step)) best = job;
    }
    return best;
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.next();
    if (!job) return;
    this.running = job;
    job.status = 'running';
    this.emit(job, 'running', null);
    this.run(job)
      .catch((e: Error) => this.log(`projection of ${job.runId}/${job.tag}@${job.step} could not be recorded: ${e.message}`))
      .finally(() => {
        // A superseded job is already gone, and a fresh request may have reused its key since.
        if (this.jobs.get(jobId(job.key)) === job) this.jobs.delete(jobId(job.key));
        this.running = null;
        this.pump();
      });
  }

  private async run(job: Job): Promise<void> {
    const { signal } = job.controller;
    try {
      const snapshot = this.tables.snapshots.read(job.runId, job.tag, job.step);
      if (!snapshot) throw new Error(`no complete embedding "${job.tag}" at step ${job.step}`);
      const { rows, dim } = snapshot.info;
      const layout = await this.project(snapshot.matrix, rows, dim, {
        nNeighbors: job.params.neighbors,
        minDist: job.params.minDist,
        init: this.previousLayout(job, rows),
        signal,
        onProgress: (done, total) => this.progressed(job, done, total),
      });
      if (signal.aborted) return;
      this.tables.projections.write(job.key, { status: 'ready', layout });
      this.emit(job, 'ready', null);
    } catch (e) {
      if (signal.aborted) return;
      const error = e instanceof Error ? e.message : String(e);
      this.tables.projections.write(job.key, { status: 'failed', error });
      this.emit(job, 'failed', error);
    }
  }

  /** The nearest earlier step's layout with the same parameters, so this one starts where it ended. */
  private previousLayout(job: Job, rows: number): Float32Array | undefined {
    const earlier = this.tables.snapshots
      .list(job.runId)
      .filter((s) => s.tag === job.tag && s.step < job.step && s.rows === rows)
      .reverse();
    for (const snapshot of earlier) {
      const cached = this.tables.projections.read({ ...job.key, step: snapshot.step });
      if (cached?.status === 'ready') return cached.layout;
    }
    return undefined;
  }

  private progressed(job: Job, done: number, total: number): void {
    job.progress = { done, total };
    const now = this.now();
    if (now - job.lastPushAt < PROGRESS_INTERVAL_MS) return;
    job.lastPushAt = now;
    this.emit(job, 'running', null);
  }

  private emit(job: Job, status: ProjectionEvent['status'], error: string | null): void {
    const event: ProjectionEvent = {
      type: 'projection',
      runId: job.runId,
      tag: job.tag,
      step: job.step,
      method: 'umap',
      params: job.params,
      status,
      progress: status === 'running' ? job.progress : null,
      error,
    };
    for (const listener of this.listeners) listener(event);
  }
}
