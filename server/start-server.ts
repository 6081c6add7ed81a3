import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import next from 'next';
import { openStore, closeStore } from '../lib/storage/open-store';
import { attachSockets, Log } from './attach-sockets';
import { startProjections } from './start-projections';

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
  // Route handlers run in this process and find the store through TENSORLENS_DB; one absolute
  // path keeps them on the very store instance the sockets write to.
  const dbPath = resolve(options.dbPath);
  process.env.TENSORLENS_DB = dbPath;
  const store = openStore(dbPath);
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: Error) => {
      log(`request ${req.url} failed: ${e.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'internal server error' } }));
    });
  });
  const sockets = attachSockets(server, store, log, options.dev ? app.getUpgradeHandler() : undefined);
  const projections = startProjections(store, sockets.hub, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  return {
    url,
    async close() {
      projections.close();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      closeStore(dbPath);
    },
  };
}
