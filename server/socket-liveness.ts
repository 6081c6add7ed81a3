import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every client of `wss` each `intervalMs` and ends any that did not answer the previous
 * ping, so a peer that vanished without closing its connection is noticed within two intervals.
 */
export function watchLiveness(wss: WebSocketServer, intervalMs: number): { close(): void } {
  const answered = new WeakSet<WebSocket>();
  wss.on('connection', (socket) => {
    answered.add(socket);
    socket.on('pong', () => answered.add(socket));
  });
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (!answered.delete(socket)) socket.terminate();
      else socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
