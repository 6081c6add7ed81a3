import type { LiveEvent } from '../../app-context';
import { type LiveStatus, openLiveSocket } from './live-socket';

export interface RunListener {
  /** `fresh` is true for the first event this listener sees on each connection: the moment to resync. */
  onEvent: (event: LiveEvent, fresh: boolean) => void;
  onStatus: (status: LiveStatus) => void;
}

interface Channel {
  listeners: Map<RunListener, { fresh: boolean }>;
  status: LiveStatus;
  /** The server answers each subscription with the run; a listener that joins later gets it replayed. */
  lastRun: LiveEvent | null;
  close: () => void;
}

const channels = new Map<string, Channel>();

/**
 * Every view of a run (charts, histograms, events, projector, graph) shares one live socket per run:
 * the server pushes each event once, and a page does not hold a connection per panel.
 */
export function subscribeRun(runId: string, listener: RunListener): () => void {
  let channel = channels.get(runId);
  if (!channel) {
    const created: Channel = { listeners: new Map(), status: 'connecting', lastRun: null, close: () => {} };
    created.close = openLiveSocket({
      request: { type: 'subscribe', topic: 'run', runId },
      onStatus: (status) => {
        created.status = status;
        // Pushes missed while away are lost: every listener resyncs on the next connection's first event.
        if (status === 'connecting') for (const state of created.listeners.values()) state.fresh = true;
        for (const l of created.listeners.keys()) l.onStatus(status);
      },
      onEvent: (event, fresh) => {
        if (event.type === 'run') created.lastRun = event;
        // The server dropped pushes for this page and says so: every listener resyncs, as after a reconnect.
        if (fresh) for (const state of created.listeners.values()) state.fresh = true;
        for (const [l, state] of created.listeners) {
          const fresh = state.fresh;
          state.fresh = false;
          l.onEvent(event, fresh);
        }
      },
    });
    channels.set(runId, (channel = created));
  }
  const state = { fresh: true };
  channel.listeners.set(listener, state);
  listener.onStatus(channel.status);
  if (channel.status === 'live' && channel.lastRun) {
    state.fresh = false;
    listener.onEvent(channel.lastRun, true);
  }
  const joined = channel;
  return () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size > 0) return;
    joined.close();
    channels.delete(runId);
  };
}
