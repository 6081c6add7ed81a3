import { ApiError } from './errors';

/**
 * The one check of where a write or a live socket comes from. A browser always sends `Origin` on
 * writes and WebSocket upgrades, so a page from another site (cross-site request forgery, WebSocket
 * hijacking) shows up as an origin whose host is not the host the request was sent to. Trainers
 * and scripts are not browsers and send no `Origin`; they pass. `Origin: null` (sandboxed frames,
 * file: pages) does not parse as a URL and is refused.
 */
export function isSameOrigin(origin: string | null | undefined, host: string | null | undefined): boolean {
  if (origin === undefined || origin === null) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** For route handlers that change data: 403 unless the request comes from this server's own pages. */
export function refuseForeignOrigin(headers: Headers): void {
  const origin = headers.get('origin');
  if (!isSameOrigin(origin, headers.get('host'))) {
    throw new ApiError('forbidden', `requests from origin ${origin} may not change runs: open the dashboard on this server instead`);
  }
}
