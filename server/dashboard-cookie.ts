import type { IncomingMessage, ServerResponse } from 'node:http';
import { carriesToken, isLoopback, sameSecret } from './auth-token';
import { isPageLoad } from './page-load';

/**
 * How the dashboard's own writes (rename, tag, delete) carry the token: a browser cannot add an
 * Authorization header to what it sends, so the server hands it the token as a cookie that script
 * cannot read (HttpOnly) and that other sites' pages never send (SameSite=Strict); the Origin check
 * still refuses any write from a foreign page.
 */
export const TOKEN_COOKIE = 'tensorlens_token';

/** The token the request's cookie carries, if any. */
function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== TOKEN_COOKIE) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The cookie to set on this response, or null. A page loaded from this machine gets it, as every
 * local process could read the database anyway; a page loaded from elsewhere only with the token
 * in its address (`/?token=…`, the link the server's operator hands out), once.
 */
export function dashboardCookie(req: IncomingMessage, token: string): string | null {
  if (!isPageLoad(req)) return null;
  if (carriesTokenCookie(req, token)) return null;
  if (!isLoopback(req.socket.remoteAddress ?? '') && !carriesToken(req, token)) return null;
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Whether the request's cookie holds the token: a write from the dashboard's own page. */
export function carriesTokenCookie(req: IncomingMessage, token: string): boolean {
  const held = cookieToken(req);
  return held !== null && sameSecret(held, token);
}

/** Sets the cookie where dashboardCookie says so, before the page's own handler writes the response. */
export function grantDashboardCookie(req: IncomingMessage, res: ServerResponse, token: string): void {
  const cookie = dashboardCookie(req, token);
  if (cookie) res.setHeader('set-cookie', cookie);
}
