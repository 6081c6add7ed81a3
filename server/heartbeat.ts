import type { AppContext, IngestMessage } from '../lib/app-context';
import { isoTime } from '../lib/protocol/timestamp';
import { CRASHED_EVENT, RESUMED_EVENT, type TrainingEvent } from '../lib/kinds/event/meta';
import type { RunRecord } from '../lib/storage/store';
import type { LiveHub } from './live-hub';
import type { Log } from './attach-sockets';

/** How long a run may go unheard, with no ingest connection open, before it is shown as crashed. */
export const DEFAULT_HEARTBEAT_GRACE_MS = 60_000;

export interface HeartbeatOptions {
  graceMs: number;
  log: Log;
  /** Used for test DI mocking. */
  nowFunc?: () => number;
}

/** The runs one ingest connection has spoken for. */
export type ConnectionRuns = Set<string>;

/**
 * Decides which runs are alive. A run is alive while an ingest connection that spoke for it is
 * open, and for a grace period after the last one closed; then it is `crashed`, with when it was
 * last heard from. Runs left `running` by an earlier server get the same grace from this start,
 * time for their trainers to reconnect. A crashed run that speaks again is `running` once more.
 * Only runs an ingest client started are watched: a run read from a logdir has no connection.
 */
export class Heartbeat {
  private readonly open = new Map<string, number>();
  private readonly heard = new Map<string, number>();
  private readonly unsaved = new Set<string>();
  private readonly crashed: Set<string>;
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly app: AppContext,
    private readonly hub: LiveHub,
    private readonly options: HeartbeatOptions,
  ) {
    this.now = options.nowFunc ?? Date.now;
    this.startedAt = this.now();
    this.crashed = new Set(app.store.runsInStatus('crashed').map((r) => r.id));
    this.timer = setInterval(() => this.sweep(), Math.max(50, Math.min(options.graceMs / 4, 5_000)));
    this.timer.unref();
  }

  /** A message of `runId` was stored, from the connection whose runs are `connection`. */
  spoke(connection: ConnectionRuns, runId: string, message: IngestMessage): void {
    if (!connection.has(runId)) {
      connection.add(runId);
      this.open.set(runId, (this.open.get(runId) ?? 0) + 1);
    }
    this.hear(runId);
    if (!this.crashed.delete(runId)) return;
    // A run that reports its own end needs no resumption first.
    if (message.type !== 'run.status') this.resume(runId);
  }

  /** The connection answered a ping: its runs are alive even when they have nothing to log. */
  answered(connection: ConnectionRuns): void {
    for (const runId of connection) this.hear(runId);
  }

  closed(connection: ConnectionRuns): void {
    for (const runId of connection) {
      this.hear(runId);
      const left = (this.open.get(runId) ?? 1) - 1;
      if (left > 0) this.open.set(runId, left);
      else this.open.delete(runId);
    }
    connection.clear();
  }

  close(): void {
    clearInterval(this.timer);
    this.save();
  }

  /** Saves when runs were heard from, and ends the runs that have been silent too long. */
  sweep(): void {
    try {
      this.save();
      const now = this.now();
      for (const run of this.app.store.runsInStatus('running')) {
        // An imported or tailed run has no trainer to hear from: its logdir, not a connection, says when it ends.
        if (this.open.has(run.id) || run.source !== null) continue;
        const lastHeard = this.heard.get(run.id) ?? run.heardAt ?? run.updatedAt;
        if (now - Math.max(lastHeard, this.startedAt) > this.options.graceMs) this.crash(run, lastHeard);
      }
    } catch (e) {
      // A full disk must not take the server down; the next sweep tries again.
      this.options.log(`heartbeat could not update runs: ${(e as Error).message}`);
    }
  }

  private hear(runId: string): void {
    this.heard.set(runId, this.now());
    this.unsaved.add(runId);
  }

  private save(): void {
    for (const runId of this.unsaved) this.app.store.noteHeard(runId, this.heard.get(runId)!);
    this.unsaved.clear();
  }

  private crash(run: RunRecord, lastHeard: number): void {
    const reason = `no heartbeat since ${isoTime(lastHeard) ?? lastHeard}`;
    this.app.store.setRunStatus(run.id, 'crashed', reason, lastHeard);
    this.crashed.add(run.id);
    this.options.log(`run ${run.id} crashed: ${reason}`);
    this.mark(run.id, CRASHED_EVENT, reason);
  }

  private resume(runId: string): void {
    const at = this.now();
    this.app.store.setRunStatus(runId, 'running', null, at);
    this.options.log(`run ${runId} is heard from again`);
    this.mark(runId, RESUMED_EVENT, 'heard from again after it was marked crashed');
  }

  /** A marker on the run's charts at its latest step, and the new status to every dashboard. */
  private mark(runId: string, kind: string, reason: string): void {
    const step = Math.max(0, ...this.app.tables.scalar.listTags(runId).map((t) => t.lastStep));
    const events: TrainingEvent[] = [{ step, wallTime: this.now(), kind, reason, data: {} }];
    this.app.tables.event.write(runId, events);
    this.hub.runChanged(runId);
    this.hub.push({ type: 'events', runId, events });
  }
}
