import type { WebSocket } from 'ws';
import type { AppContext, LiveEvent } from '../lib/app-context';
import type { LiveRequest } from '../lib/protocol/live-messages';
import { toWireRun } from '../lib/kinds/scalar/run-summary';

/** The run list needs fresh last values, not one push per batch. */
const RUN_LIST_THROTTLE_MS = 250;

type RunPushEvent = Extract<LiveEvent, { runId: string }>;

/** Fans stored data out to the dashboards that subscribed to it; the kinds say what to push. */
export class LiveHub {
  private readonly runListeners = new Set<WebSocket>();
  private readonly pointListeners = new Map<string, Set<WebSocket>>();
  private readonly pendingRuns = new Map<string, NodeJS.Timeout>();

  constructor(private readonly app: AppContext) {}

  subscribe(socket: WebSocket, request: LiveRequest): void {
    if (request.topic === 'runs') {
      this.runListeners.add(socket);
      // The whole list after subscribing: nothing that changed before this moment is missed.
      send(socket, { type: 'runs', runs: this.app.read.scalar.runs().map(toWireRun) });
      return;
    }
    let set = this.pointListeners.get(request.runId);
    if (!set) this.pointListeners.set(request.runId, (set = new Set()));
    set.add(socket);
    const run = this.app.read.scalar.findRun(request.runId);
    if (run) send(socket, { type: 'run', run: toWireRun(run) });
  }

  drop(socket: WebSocket): void {
    this.runListeners.delete(socket);
    for (const [runId, set] of this.pointListeners) {
      set.delete(socket);
      if (set.size === 0) this.pointListeners.delete(runId);
    }
  }

  /** To the dashboards watching the event's run. */
  push(event: RunPushEvent): void {
    broadcast(this.pointListeners.get(event.runId), event);
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
    broadcast(this.runListeners, event);
    broadcast(this.pointListeners.get(runId), event);
  }

  close(): void {
    for (const timer of this.pendingRuns.values()) clearTimeout(timer);
    this.pendingRuns.clear();
  }

  private pushRun(runId: string): void {
    const run = this.app.read.scalar.findRun(runId);
    if (!run) return;
    const event: LiveEvent = { type: 'run', run: toWireRun(run) };
    broadcast(this.runListeners, event);
    broadcast(this.pointListeners.get(runId), event);
  }
}

function send(socket: WebSocket, event: LiveEvent): void {
  socket.send(JSON.stringify(event));
}

/** Serialised once for every listener: a histogram or snapshot list can be large. */
function broadcast(sockets: Iterable<WebSocket> | undefined, event: LiveEvent): void {
  if (!sockets) return;
  let text: string | null = null;
  for (const socket of sockets) socket.send((text ??= JSON.stringify(event)));
}
