import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import createNext from 'next';
import { closeApp, openApp } from '../lib/app-context';
import { attachSockets, Log } from './attach-sockets';
import { LiveHub } from './live-hub';
import { startProjections, stopProjections } from './start-projections';

export interface ServerOptions {
  port: number;
  host: string;
  dbPath: string;
  /** Next's dev mode (Turbopack, HMR) instead of the production build in .next/. */
  dev: boolean;
  /** The project root, where next.config.js and .next/ live. */
  dir: string;
  log?: Log;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** One port for everything: Next's pages and API, and our WebSocket paths. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(`[tensorlens] ${line}`));
  // Route handlers run in this process and find the app through TENSORLENS_DB; one absolute
  // path keeps them on the very store and UMAP queue the sockets use.
  const dbPath = resolve(options.dbPath);
  process.env.TENSORLENS_DB = dbPath;
  const app = openApp(dbPath);
  const next = createNext({ dev: options.dev, dir: options.dir, hostname: options.host, port: options.port });
  await next.prepare();
  const handle = next.getRequestHandler();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: Error) => {
      log(`request ${req.url} failed: ${e.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'internal server error' } }));
    });
  });
  const hub = new LiveHub(app);
  const projections = startProjections(app, hub, log);
  // Route handlers share this app (openApp): renames and deletes reach the dashboards through it.
  app.live = hub;
  const sockets = attachSockets(server, app, { live: hub, projections }, log, options.dev ? next.getUpgradeHandler() : undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  return {
    url,
    async close() {
      stopProjections(app, projections);
      if (app.live === hub) app.live = null;
      sockets.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await next.close();
      closeApp(dbPath);
    },
  };
}
