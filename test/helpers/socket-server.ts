import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, type AppContext } from '../../lib/app-context';
import { attachSockets, SocketOptions, Sockets } from '../../server/attach-sockets';
import { LiveHub } from '../../server/live-hub';
import type { PushGateOptions } from '../../server/push-gate';
import { readApiRoutes } from '../../server/api-routes';
import { guardRequests } from '../../server/guard-request';
import { hostPolicy } from '../../server/host-check';

export interface SocketServer {
  url: string;
  port: number;
  app: AppContext;
  logs: string[];
  close(): Promise<void>;
}

export interface SocketServerOptions extends SocketOptions {
  /** Whose route files the request guard reads; default this project's app/. */
  appDir?: string;
  /** When a slow dashboard's pushes are dropped; see push-gate.ts. */
  pushGate?: PushGateOptions;
  /** Answers the requests the guard lets through; default a stand-in 404. */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => unknown;
}

/**
 * Our real WebSocket endpoints and request guard on a plain HTTP server: the ingest path without
 * building Next (and without UMAP). A request the guard lets through goes to `onRequest`.
 */
export async function startSocketServer(dbPath: string, port = 0, options: SocketServerOptions = {}): Promise<SocketServer> {
  const app = createApp(dbPath);
  const logs: string[] = [];
  const hosts = options.hosts ?? hostPolicy('127.0.0.1');
  const routes = readApiRoutes(options.appDir ?? join(__dirname, '../../app'));
  const server: Server = createServer(guardRequests({ hosts, token: options.token, routes }, options.onRequest ?? ((_, res) => res.writeHead(404).end())));
  const hub = new LiveHub(app, options.pushGate);
  const sockets: Sockets = attachSockets(server, app, { live: hub, projections: null }, (line) => logs.push(line), { ...options, hosts });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    app,
    logs,
    async close() {
      sockets.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      app.store.close();
    },
  };
}
