import type { WebSocket } from 'ws';

export interface PushGateOptions {
  /** Bytes queued for one dashboard beyond which its pushes are dropped. */
  highBytes: number;
  /** Queued bytes below which a dashboard that fell behind has caught up. */
  lowBytes: number;
  /** How often a dashboard that fell behind is checked. */
  checkMs: number;
}

export const DEFAULT_PUSH_GATE: PushGateOptions = { highBytes: 4 * 1024 * 1024, lowBytes: 256 * 1024, checkMs: 200 };

/**
 * Keeps one slow dashboard from growing the server: once more than `highBytes` wait to be sent to
 * a socket, its pushes are dropped, and when it has caught up it is told to resync, which it does
 * from the HTTP API, as after a reconnect. A dashboard that stopped reading costs `highBytes`.
 */
export class PushGate {
  private readonly behind = new Map<WebSocket, NodeJS.Timeout>();

  constructor(
    private readonly onCaughtUp: (socket: WebSocket) => void,
    private readonly options: PushGateOptions = DEFAULT_PUSH_GATE,
  ) {}

  /** Sends unless the socket is behind; false when the push was dropped. */
  send(socket: WebSocket, text: string): boolean {
    if (this.behind.has(socket)) return false;
    if (socket.bufferedAmount > this.options.highBytes) {
      this.fallBehind(socket);
      return false;
    }
    socket.send(text);
    return true;
  }

  forget(socket: WebSocket): void {
    clearInterval(this.behind.get(socket));
    this.behind.delete(socket);
  }

  close(): void {
    for (const timer of this.behind.values()) clearInterval(timer);
    this.behind.clear();
  }

  private fallBehind(socket: WebSocket): void {
    const timer = setInterval(() => {
      if (socket.bufferedAmount > this.options.lowBytes) return;
      this.forget(socket);
      this.onCaughtUp(socket);
    }, this.options.checkMs);
    timer.unref();
    this.behind.set(socket, timer);
  }
}
