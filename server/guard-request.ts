import type { IncomingMessage, ServerResponse } from 'node:http';
import { HostPolicy, isAllowedHost, refusedHostMessage } from './host-check';
import { refuseWrite } from './write-access';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code, message } }));
}

export interface RequestAccess {
  hosts: HostPolicy;
  /** When set, every write needs it (see write-access.ts). */
  token?: string | null;
}

/** Methods that only read; any other changes data and is a write. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Checks every HTTP request before `handle` (Next) sees it. */
export function guardRequests(access: RequestAccess, handle: RequestHandler): RequestHandler {
  return (req, res) => {
    if (!isAllowedHost(req.headers.host, access.hosts)) return refuse(res, 403, 'forbidden', refusedHostMessage(req.headers.host));
    const refusal = READ_METHODS.has(req.method ?? 'GET') ? null : refuseWrite(req, access.token);
    if (refusal) return refuse(res, refusal.status, refusal.code, refusal.message);
    handle(req, res);
  };
}
