import type { IncomingMessage, ServerResponse } from 'node:http';
import { HostPolicy, isAllowedHost, refusedHostMessage } from './host-check';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** Checks every HTTP request before `handle` (Next) sees it. */
export function guardRequests(policy: HostPolicy, handle: RequestHandler): RequestHandler {
  return (req, res) => {
    if (!isAllowedHost(req.headers.host, policy)) return refuse(res, 403, 'forbidden', refusedHostMessage(req.headers.host));
    handle(req, res);
  };
}
