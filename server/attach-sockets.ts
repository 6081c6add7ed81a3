import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { INGEST_PATH, LIVE_PATH, MAX_MESSAGE_BYTES } from '../lib/protocol/version';
import { liveRequestSchema } from '../lib/protocol/live-messages';
import type { AppContext } from '../lib/app-context';
import { IngestServices, IngestSession, handleIngestMessage } from './handle-ingest-message';
import { ConnectionRuns, DEFAULT_HEARTBEAT_GRACE_MS, Heartbeat } from './heartbeat';
import { watchLiveness } from './socket-liveness';
import { HostPolicy, hostPolicy, isAllowedHost } from './host-check';
import { isAllowedOrigin, refuseWrite } from './write-access';
import { RefusalLog, escapeForLog } from './refusal-log';
import { IngestQueue } from './ingest-queue';

/** Beyond this, ws itself closes the socket (1009) before we could even read the message. */
const HARD_PAYLOAD_LIMIT = 16 * MAX_MESSAGE_BYTES;

export type Log = (line: string) => void;

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export interface Sockets {
  close(): void;
}

export interface SocketOptions {
  /** Gets every upgrade on other paths (Next's HMR in dev), since Next closes sockets on upgrades it does not own. */
  fallback?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** How long a run may go unheard before it is `crashed`; default 60 s. */
  heartbeatGraceMs?: number;
  /** The Host names to answer; default: loopback only. */
  hosts?: HostPolicy;
  /** When set, ingest (every write) needs it; see auth-token.ts and write-access.ts. */
  token?: string | null;
}

/** Routes upgrades on our two paths to our WebSocket servers. */
export function attachSockets(server: Server, app: AppContext, services: IngestServices, log: Log, options: SocketOptions = {}): Sockets {
  const hub = services.live;
  const graceMs = options.heartbeatGraceMs ?? DEFAULT_HEARTBEAT_GRACE_MS;
  const heartbeat = new Heartbeat(app, hub, { graceMs, log });
  const queue = new IngestQueue();
  const hosts = options.hosts ?? hostPolicy('127.0.0.1');
  // UTF-8 is not checked frame by frame: invalid bytes decode to U+FFFD, which the schemas then refuse.
  const ingest = new WebSocketServer({ noServer: true, maxPayload: HARD_PAYLOAD_LIMIT, skipUTF8Validation: true });
  const live = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  // A peer that vanished without closing (a machine gone, a cable out) is found by its silence.
  const liveness = watchLiveness(ingest, Math.min(graceMs / 2, 20_000));

  ingest.on('connection', (socket, req) => {
    const peer = req.socket.remoteAddress;
    const runs: ConnectionRuns = new Set();
    let open = true;
    // A message still queued when its connection closed is stored, but keeps no run alive.
    const session: IngestSession = { spoke: (runId, message) => open && heartbeat.spoke(runs, runId, message) };
    const refusals = new RefusalLog(String(peer), log);
    socket.on('message', (data) =>
      queue.push(socket, () => {
        const reply = handleIngestMessage(app, services, data, session);
        if (reply.type === 'error') refusals.refused(reply.code, reply.message);
        socket.send(JSON.stringify(reply));
      }),
    );
    socket.on('pong', () => heartbeat.answered(runs));
    socket.on('close', () => {
      open = false;
      heartbeat.closed(runs);
      refusals.closed();
    });
    socket.on('error', (e) => log(`ingest socket from ${peer}: ${escapeForLog(e.message)}`));
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
      if (options.fallback) options.fallback(req, socket, head);
      else reject(socket, 404, 'Not Found');
      return;
    }
    if (!isAllowedHost(req.headers.host, hosts)) {
      log(`refused a WebSocket on ${escapeForLog(path)} for host ${escapeForLog(String(req.headers.host))}`);
      reject(socket, 403, 'Forbidden');
      return;
    }
    const refusal = target === ingest ? refuseWrite(req, options.token) : null;
    if (refusal) {
      log(`refused an ingest socket from ${req.socket.remoteAddress}: ${escapeForLog(refusal.message)}`);
      reject(socket, refusal.status, refusal.status === 401 ? 'Unauthorized' : 'Forbidden');
      return;
    }
    if (!isAllowedOrigin(req)) {
      log(`refused a WebSocket on ${escapeForLog(path)} from origin ${escapeForLog(String(req.headers.origin))}`);
      reject(socket, 403, 'Forbidden');
      return;
    }
    target.handleUpgrade(req, socket, head, (ws) => target.emit('connection', ws, req));
  });

  return {
    close() {
      queue.close();
      liveness.close();
      heartbeat.close();
      for (const wss of [ingest, live]) {
        for (const client of wss.clients) client.terminate();
        wss.close();
      }
    },
  };
}
