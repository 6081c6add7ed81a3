import type { WebSocket } from 'ws';
import type { AppContext, LiveEvent } from '../lib/app-context';
import type { LiveRequest } from '../lib/protocol/live-messages';
import { toWireRun } from '../lib/kinds/scalar/run-summary';
import { DEFAULT_PUSH_GATE, PushGate, PushGateOptions } from './push-gate';

/** The run list needs fresh last values, not one push per batch. */
const RUN_LIST_THROTTLE_MS = 250;

/** A page watches one run, a comparison a handful; each subscription holds memory until the socket closes. */
export const MAX_RUNS_PER_SOCKET = 64;

type RunPushEvent = Extract<LiveEvent, { runId: string }>;

/** Fans stored data out to the dashboards that subscribed to it; the kinds say what to push. */
export class LiveHub {
  private readonly runListeners = new Set<WebSocket>();
  private readonly pointListeners = new Map<string, Set<WebSocket>>();
  private readonly runsOf = new Map<WebSocket, Set<string>>();
  private readonly pendingRuns = new Map<string, NodeJS.Timeout>();
  private readonly gate: PushGate;

  constructor(
    private readonly app: AppContext,
    gate: PushGateOptions = DEFAULT_PUSH_GATE,
  ) {
    this.gate = new PushGate((socket) => this.resync(socket), gate);
  }

  subscribe(socket: WebSocket, request: LiveRequest): void {
    if (request.topic === 'runs') {
      this.runListeners.add(socket);
      // The whole list after subscribing: nothing that changed before this moment is missed.
      this.sendRuns(socket);
      return;
    }
    let runs = this.runsOf.get(socket);
    if (!runs) this.runsOf.set(socket, (runs = new Set()));
    if (!runs.has(request.runId) && runs.size >= MAX_RUNS_PER_SOCKET) {
      this.send(socket, { type: 'error', message: `one connection may watch at most ${MAX_RUNS_PER_SOCKET} runs; open another for more` });
      return;
    }
    runs.add(request.runId);
    let set = this.pointListeners.get(request.runId);
    if (!set) this.pointListeners.set(request.runId, (set = new Set()));
    set.add(socket);
    this.sendRun(socket, request.runId);
  }

  drop(socket: WebSocket): void {
    this.runListeners.delete(socket);
    for (const runId of this.runsOf.get(socket) ?? []) {
      const set = this.pointListeners.get(runId);
      set?.delete(socket);
      if (set?.size === 0) this.pointListeners.delete(runId);
    }
    this.runsOf.delete(socket);
    this.gate.forget(socket);
  }

  /** To the dashboards watching the event's run. */
  push(event: RunPushEvent): void {
    this.broadcast(this.pointListeners.get(event.runId), event);
  }

  /** Status changes go out at once; they are rare and the list must not lag them. */
  runChanged(runId: string): void {
    clearTimeout(this.pendingRuns.get(runId));
    this.pendingRuns.delete(runId);
    this.pushRun(runId);
  }

  runTouched(runId: string): void {
    if (this.pendingRuns.has(runId)) return;
    this.pendingRuns.set(
      runId,
      setTimeout(() => {
        this.pendingRuns.delete(runId);
        this.pushRun(runId);
      }, RUN_LIST_THROTTLE_MS),
    );
  }

  /** To the run list and to the run's own pages, which all drop the run. */
  runDeleted(runId: string): void {
    clearTimeout(this.pendingRuns.get(runId));
    this.pendingRuns.delete(runId);
    const event: LiveEvent = { type: 'run.deleted', runId };
    this.broadcast(this.runListeners, event);
    this.broadcast(this.pointListeners.get(runId), event);
  }

  close(): void {
    for (const timer of this.pendingRuns.values()) clearTimeout(timer);
    this.pendingRuns.clear();
    this.gate.close();
  }

  private pushRun(runId: string): void {
    // With no dashboard open, reading the run's summary (at every ingest throttle tick) costs the server for nothing.
    if (this.runListeners.size === 0 && !this.pointListeners.get(runId)?.size) return;
    const run = this.app.read.scalar.findRun(runId);
    if (!run) return;
    const event: LiveEvent = { type: 'run', run: toWireRun(run) };
    this.broadcast(this.runListeners, event);
    this.broadcast(this.pointListeners.get(runId), event);
  }

  private sendRuns(socket: WebSocket): void {
    this.send(socket, { type: 'runs', runs: this.app.read.scalar.runs().map(toWireRun) });
  }

  private sendRun(socket: WebSocket, runId: string): void {
    const run = this.app.read.scalar.findRun(runId);
    if (run) this.send(socket, { type: 'run', run: toWireRun(run) });
  }

  /** A dashboard that missed pushes: it refetches on the resync, and the states that follow it. */
  private resync(socket: WebSocket): void {
    this.send(socket, { type: 'resync' });
    if (this.runListeners.has(socket)) this.sendRuns(socket);
    for (const runId of this.runsOf.get(socket) ?? []) this.sendRun(socket, runId);
  }

  private send(socket: WebSocket, event: LiveEvent): void {
    this.gate.send(socket, JSON.stringify(event));
  }

  /** Serialised once for every listener: a histogram or snapshot list can be large. */
  private broadcast(sockets: Iterable<WebSocket> | undefined, event: LiveEvent): void {
    if (!sockets) return;
    let text: string | null = null;
    for (const socket of sockets) this.gate.send(socket, (text ??= JSON.stringify(event)));
  }
}
