import type { WebSocket } from 'ws';
import { toLivePoints } from '../lib/kinds/scalar/schema';
import type { ScalarColumnsData } from '../lib/kinds/scalar/points';
import type { HistogramSnapshot } from '../lib/kinds/histogram/meta';
import type { ProjectionEvent } from '../lib/kinds/embedding/meta';
import type { TrainingEvent } from '../lib/kinds/event/meta';
import type { LiveEvent, LiveRequest } from '../lib/protocol/live-messages';
import type { Store } from '../lib/storage/store';
import { toWireRun } from '../lib/api/wire-run';

/** The run list needs fresh last values, not one push per batch. */
const RUN_LIST_THROTTLE_MS = 250;

/** Fans stored data out to the dashboards that subscribed to it. */
export class LiveHub {
  private readonly runListeners = new Set<WebSocket>();
  private readonly pointListeners = new Map<string, Set<WebSocket>>();
  private readonly pendingRuns = new Map<string, NodeJS.Timeout>();

  constructor(private readonly store: Store) {}

  subscribe(socket: WebSocket, request: LiveRequest): void {
    if (request.topic === 'runs') {
      this.runListeners.add(socket);
      // The whole list after subscribing: nothing that changed before this moment is missed.
      send(socket, { type: 'runs', runs: this.store.listRuns().map(toWireRun) });
      return;
    }
    let set = this.pointListeners.get(request.runId);
    if (!set) this.pointListeners.set(request.runId, (set = new Set()));
    set.add(socket);
    const run = this.store.getRun(request.runId);
    if (run) send(socket, { type: 'run', run: toWireRun(run) });
  }

  drop(socket: WebSocket): void {
    this.runListeners.delete(socket);
    for (const [runId, set] of this.pointListeners) {
      set.delete(socket);
      if (set.size === 0) this.pointListeners.delete(runId);
    }
  }

  /** Status changes go out at once; they are rare and the list must not lag them. */
  runChanged(runId: string): void {
    clearTimeout(this.pendingRuns.get(runId));
    this.pendingRuns.delete(runId);
    this.pushRun(runId);
  }

  scalarsAdded(runId: string, batch: readonly ScalarColumnsData[]): void {
    const listeners = this.pointListeners.get(runId);
    if (listeners) broadcast(listeners, { type: 'scalars', runId, points: toLivePoints(batch) });
    if (!this.pendingRuns.has(runId)) {
      this.pendingRuns.set(
        runId,
        setTimeout(() => {
          this.pendingRuns.delete(runId);
          this.pushRun(runId);
        }, RUN_LIST_THROTTLE_MS),
      );
    }
  }

  histogramsAdded(runId: string, histograms: HistogramSnapshot[]): void {
    broadcast(this.pointListeners.get(runId), { type: 'histograms', runId, histograms });
  }

  /** A resent event is pushed again; dashboards merge events by their key, so it shows once. */
  eventsAdded(runId: string, events: TrainingEvent[]): void {
    broadcast(this.pointListeners.get(runId), { type: 'events', runId, events });
  }

  /** The whole list of complete snapshots: small, and a page that missed one catches up. */
  embeddingsCompleted(runId: string): void {
    const listeners = this.pointListeners.get(runId);
    if (listeners) broadcast(listeners, { type: 'embeddings', runId, snapshots: this.store.listEmbeddings(runId) });
  }

  projectionChanged(event: ProjectionEvent): void {
    broadcast(this.pointListeners.get(event.runId), event);
  }

  close(): void {
    for (const timer of this.pendingRuns.values()) clearTimeout(timer);
    this.pendingRuns.clear();
  }

  private pushRun(runId: string): void {
    const run = this.store.getRun(runId);
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
