import type { IncomingMessage } from 'node:http';
import { carriesToken } from './auth-token';
import { carriesTokenCookie } from './dashboard-cookie';

/**
 * A browser always sends Origin on writes and WebSocket upgrades, so a page from another site
 * (cross-site request forgery, WebSocket hijacking) shows up as an origin whose host is not the
 * one the request was sent to. Trainers and scripts are not browsers and send none; they pass.
 */
export function isAllowedOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host?.toLowerCase();
  } catch {
    return false;
  }
}

export interface WriteRefusal {
  status: 401 | 403;
  code: 'unauthorized' | 'forbidden';
  message: string;
}

/**
 * The one check of every write, an ingest socket or an HTTP request that changes data: a browser
 * may write only from this server's own pages, and when the server holds a token (bound beyond
 * loopback, or TENSORLENS_TOKEN set) every write must carry it: in a header or the query, or, from
 * the dashboard, in the cookie its page load was given (dashboard-cookie.ts). Null when the write may go ahead.
 */
export function refuseWrite(req: IncomingMessage, token: string | null | undefined): WriteRefusal | null {
  if (!isAllowedOrigin(req)) {
    return { status: 403, code: 'forbidden', message: `writes from origin ${req.headers.origin} are refused: open the dashboard on this server instead` };
  }
  if (token && !carriesToken(req, token) && !carriesTokenCookie(req, token)) {
    return { status: 401, code: 'unauthorized', message: 'this server takes writes only with its token: send Authorization: Bearer <TENSORLENS_TOKEN>, or open the dashboard once as /?token=<TENSORLENS_TOKEN>' };
  }
  return null;
}
