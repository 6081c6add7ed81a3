import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import createNext from 'next';
import { closeApp, openApp } from '../lib/app-context';
import { EnsembleJobs } from '../lib/ensemble/ensemble-jobs';
import type { LogdirSpec } from '../lib/logdir/logdir-spec';
import { attachSockets, Log } from './attach-sockets';
import { readApiRoutes } from './api-routes';
import { guardRequests } from './guard-request';
import { hostPolicy } from './host-check';
import { pagesFirst } from './pages-first';
import { ensembleLauncher } from './launch-ensemble';
import { LiveHub } from './live-hub';
import { escapeForLog } from './refusal-log';
import { startProjections, stopProjections } from './start-projections';
import { followLogdirs } from './follow-logdirs';

export interface ServerOptions {
  port: number;
  host: string;
  dbPath: string;
  /** Next's dev mode (Turbopack, HMR) instead of the production build in .next/. */
  dev: boolean;
  /** The project root, where next.config.js and .next/ live. */
  dir: string;
  /** TensorBoard logdirs to import and follow (`--logdir`). */
  logdirs?: readonly LogdirSpec[];
  log?: Log;
  /** How long a run may go unheard before it is shown as crashed; default 60 s. */
  heartbeatGraceMs?: number;
  /** Host names to answer besides loopback ones and `host` itself (DNS rebinding defence). */
  allowedHosts?: string[];
  /** What ingest requires, when set; main.ts decides (see auth-token.ts). */
  token?: string | null;
}

export interface RunningServer {
  url: string;
  /** Settles when the logdirs (if any) have been read once to their current end; following goes on. */
  logdirsRead: Promise<void>;
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
  const hosts = hostPolicy(options.host, options.allowedHosts);
  const server = createServer(
    guardRequests(
      { hosts, token: options.token, routes: readApiRoutes(join(options.dir, 'app')) },
      pagesFirst((req: IncomingMessage, res: ServerResponse) => {
        handle(req, res).catch((e: Error) => {
          log(`request ${escapeForLog(req.url ?? '')} failed: ${escapeForLog(e.message)}`);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'internal', message: 'internal server error' } }));
        });
      }),
    ),
  );
  const hub = new LiveHub(app);
  const projections = startProjections(app, hub, log);
  // Route handlers share this app (openApp): renames and deletes reach the dashboards through it.
  app.live = hub;
  const sockets = attachSockets(server, app, { live: hub, projections }, log, {
    fallback: options.dev ? next.getUpgradeHandler() : undefined,
    heartbeatGraceMs: options.heartbeatGraceMs,
    hosts,
    token: options.token,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const ensembles = new EnsembleJobs(ensembleLauncher(options.dir), url);
  app.ensembles = ensembles;
  const logdirs = followLogdirs(app, { live: hub, projections }, options.logdirs ?? [], log);
  return {
    url,
    logdirsRead: logdirs.read,
    async close() {
      await logdirs.stop();
      stopProjections(app, projections);
      if (app.ensembles === ensembles) app.ensembles = null;
      ensembles.close();
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
