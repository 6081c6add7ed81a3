import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every client of `wss` each `intervalMs` and ends any that sent nothing since the previous
 * ping, so a peer that vanished without closing its connection is noticed within two intervals.
 */
export function watchLiveness(wss: WebSocketServer, intervalMs: number): { close(): void } {
  const answered = new WeakSet<WebSocket>();
  wss.on('connection', (socket) => {
    answered.add(socket);
    // A pong queued behind megabytes of messages arrives late; the messages prove life as well.
    for (const event of ['pong', 'message'] as const) socket.on(event, () => answered.add(socket));
  });
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      // A socket paused because its messages wait to be stored cannot read the pong: it is busy, not gone.
      if (socket.readyState !== socket.OPEN || socket.isPaused) continue;
      if (!answered.delete(socket)) socket.terminate();
      else socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
