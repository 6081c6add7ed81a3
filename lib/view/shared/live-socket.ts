import type { LiveEvent } from '../../app-context';
import type { LiveRequest } from '../../protocol/live-messages';
import { LIVE_PATH } from '../../protocol/version';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface LiveSocketArgs {
  request: LiveRequest;
  /** Called for every pushed event; `fresh` is true for the first one after each (re)connect or resync. */
  onEvent: (event: LiveEvent, fresh: boolean) => void;
  /** 'live' comes once the subscription is sent: the moment to fetch what was missed before it. */
  onStatus: (status: LiveStatus) => void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

function liveUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${LIVE_PATH}`;
}

/**
 * One subscription that survives server restarts: it reconnects with backoff and subscribes
 * again. Whatever was pushed while it was away is lost, so callers resync on `fresh` events.
 */
export function openLiveSocket({ request, onEvent, onStatus }: LiveSocketArgs): () => void {
  let socket: WebSocket | null = null;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const connect = () => {
    onStatus('connecting');
    const ws = new WebSocket(liveUrl());
    socket = ws;
    let fresh = true;
    ws.onopen = () => {
      retryMs = RETRY_MIN_MS;
      ws.send(JSON.stringify(request));
      onStatus('live');
    };
    ws.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as LiveEvent;
      if (event.type === 'error') {
        console.warn(`[tensorlens] live: ${event.message}`);
        return;
      }
      if (event.type === 'resync') {
        fresh = true;
        return;
      }
      onEvent(event, fresh);
      fresh = false;
    };
    ws.onclose = () => {
      if (closed) return;
      onStatus('offline');
      retryTimer = setTimeout(connect, retryMs);
      retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
    };
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(retryTimer);
    const last = socket;
    if (!last) return;
    last.onmessage = null;
    // Closing a socket that is still connecting makes the browser log a warning, and React's
    // development double mount does exactly that on every page.
    if (last.readyState === WebSocket.CONNECTING) last.onopen = () => last.close();
    else last.close();
  };
}
