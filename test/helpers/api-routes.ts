import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { NextRequest } from 'next/server';
import { closeApp } from '../../lib/app-context';
import { startSocketServer, type SocketServer } from './socket-server';
import { tempDir } from './temp-dir';
import { GET as getRun } from '../../app/api/runs/[id]/route';
import { GET as getEvents } from '../../app/api/runs/[id]/events/route';
import { GET as getSweep } from '../../app/api/sweeps/[id]/route';
import { POST as postEnsemble } from '../../app/api/ensembles/route';
import { GET as getEnsembleJob } from '../../app/api/ensembles/jobs/[id]/route';

type Handler = (req: NextRequest, segment: { params: Promise<{ id: string }> }) => Promise<Response>;

/** The routes the sweep and ensemble commands read, and the ensemble job routes, by path: `{id}` is one URL segment. */
const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/api\/runs\/([^/]+)$/, getRun],
  ['GET', /^\/api\/runs\/([^/]+)\/events$/, getEvents],
  ['GET', /^\/api\/sweeps\/([^/]+)$/, getSweep],
  ['POST', /^\/api\/ensembles()$/, postEnsemble as Handler],
  ['GET', /^\/api\/ensembles\/jobs\/([^/]+)$/, getEnsembleJob],
];

/**
 * Our route handlers called as Next calls them, on a plain node:http server: the JSON API the
 * commands read, without building Next. They open the app of TENSORLENS_DB, so set it first.
 */
export async function serveApiRoutes(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(url.pathname);
    if (!match || req.method !== method) continue;
    const body = method === 'POST' ? await new Response(Readable.toWeb(req) as ReadableStream).text() : undefined;
    const response = await handler(new NextRequest(url, { method, body }), { params: Promise.resolve({ id: decodeURIComponent(match[1]) }) });
    res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
    return;
  }
  res.writeHead(404).end();
}

/**
 * The sockets and these routes on a fresh database in a temp dir (also returned: the commands' working
 * directory, where their logs/ go), closed after the test.
 */
export async function startApiServer(t: Parameters<typeof tempDir>[0], file: string): Promise<{ server: SocketServer; dir: string }> {
  const dir = tempDir(t);
  const dbPath = join(dir, file);
  process.env.TENSORLENS_DB = dbPath;
  const server = await startSocketServer(dbPath, 0, { onRequest: serveApiRoutes });
  t.after(async () => {
    await server.close();
    closeApp(dbPath);
  });
  return { server, dir };
}
