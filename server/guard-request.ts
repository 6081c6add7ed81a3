import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowedApiMethods, type ApiRoutes } from './api-routes';
import { HostPolicy, isAllowedHost, refusedHostMessage } from './host-check';
import { grantDashboardCookie } from './dashboard-cookie';
import { refuseWrite } from './write-access';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Pages take what Next's own tooling sends (server actions, dev); API paths what their route files export. */
const PAGE_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

/** Methods that only read; any other changes data and is a write. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestAccess {
  hosts: HostPolicy;
  /** When set, every write needs it (see write-access.ts). */
  token?: string | null;
  /** The app's route handlers (readApiRoutes), for the methods each API path takes. */
  routes: ApiRoutes;
}

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** Whether the path's percent-encoding is well formed: Next answers "%ZZ" with a 500. */
function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks every HTTP request before `handle` (Next) sees it, answering what Next would fail on
 * with a clear JSON error: a Host we do not answer to, a method no route takes, a malformed path,
 * and a write without the same Origin or the token. A page load is handed the token's cookie, so
 * the dashboard's own writes carry it.
 */
export function guardRequests(access: RequestAccess, handle: RequestHandler): RequestHandler {
  return (req, res) => {
    if (!isAllowedHost(req.headers.host, access.hosts)) return refuse(res, 403, 'forbidden', refusedHostMessage(req.headers.host));
    const path = (req.url ?? '/').split('?')[0];
    const methods = path.startsWith('/api/') ? allowedApiMethods(access.routes, path) : PAGE_METHODS;
    if (!methods.includes(req.method ?? '')) {
      return refuse(res, 405, 'method_not_allowed', `${req.method} is not allowed here; use ${methods.join(' or ')}`, { allow: methods.join(', ') });
    }
    if (!isDecodable(path)) return refuse(res, 400, 'bad_request', `malformed percent-encoding in the path ${JSON.stringify(req.url?.slice(0, 200))}`);
    const refusal = READ_METHODS.has(req.method ?? 'GET') ? null : refuseWrite(req, access.token);
    if (refusal) return refuse(res, refusal.status, refusal.code, refusal.message);
    if (access.token) grantDashboardCookie(req, res, access.token);
    handle(req, res);
  };
}
