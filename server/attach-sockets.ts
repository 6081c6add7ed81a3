import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { INGEST_PATH, LIVE_PATH, MAX_MESSAGE_BYTES } from '../lib/protocol/version';
import { liveRequestSchema } from '../lib/protocol/live-messages';
import type { AppContext } from '../lib/app-context';
import { isSameOrigin } from '../lib/api/same-origin';
import { handleIngestMessage, IngestServices } from './handle-ingest-message';

/** Beyond this, ws itself closes the socket (1009) before we could even read the message. */
const HARD_PAYLOAD_LIMIT = 16 * MAX_MESSAGE_BYTES;

export type Log = (line: string) => void;

/** A page from another site must not drive our sockets (cross-site WebSocket hijacking). */
export function isAllowedOrigin(req: IncomingMessage): boolean {
  return isSameOrigin(req.headers.origin, req.headers.host);
}

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export interface Sockets {
  close(): void;
}

/**
 * Routes upgrades on our two paths to our WebSocket servers and hands every other upgrade
 * to `fallback` (Next's HMR in dev), since Next closes sockets on upgrades it does not own.
 */
export function attachSockets(
  server: Server,
  app: AppContext,
  services: IngestServices,
  log: Log,
  fallback?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Sockets {
  const hub = services.live;
  // UTF-8 is not checked frame by frame: invalid bytes decode to U+FFFD, which the schemas then refuse.
  const ingest = new WebSocketServer({ noServer: true, maxPayload: HARD_PAYLOAD_LIMIT, skipUTF8Validation: true });
  const live = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  ingest.on('connection', (socket, req) => {
    const peer = req.socket.remoteAddress;
    socket.on('message', (data) => {
      const reply = handleIngestMessage(app, services, data);
      if (reply.type === 'error') log(`ingest error from ${peer}: [${reply.code}] ${reply.message}`);
      socket.send(JSON.stringify(reply));
    });
    socket.on('error', (e) => log(`ingest socket from ${peer}: ${e.message}`));
  });

  live.on('connection', (socket) => {
    socket.on('message', (data) => {
      let request;
      try {
        request = liveRequestSchema.parse(JSON.parse(data.toString()));
      } catch {
        socket.send(JSON.stringify({ type: 'error', message: 'expected {"type":"subscribe","topic":"runs"} or {"type":"subscribe","topic":"run","runId":…}' }));
        return;
      }
      hub.subscribe(socket, request);
    });
    socket.on('close', () => hub.drop(socket));
    socket.on('error', () => hub.drop(socket));
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const target = path === INGEST_PATH ? ingest : path === LIVE_PATH ? live : null;
    if (!target) {
      if (fallback) fallback(req, socket, head);
      else reject(socket, 404, 'Not Found');
      return;
    }
    if (!isAllowedOrigin(req)) {
      log(`refused a WebSocket on ${path} from origin ${req.headers.origin}`);
      reject(socket, 403, 'Forbidden');
      return;
    }
    target.handleUpgrade(req, socket, head, (ws) => target.emit('connection', ws, req));
  });

  return {
    close() {
      for (const wss of [ingest, live]) {
        for (const client of wss.clients) client.terminate();
        wss.close();
      }
    },
  };
}
