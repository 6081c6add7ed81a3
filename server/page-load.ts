import type { IncomingMessage } from 'node:http';

/** A page load, not an API call, a page's own scripts and styles, or a socket. */
export function isPageLoad(req: IncomingMessage): boolean {
  const path = (req.url ?? '/').split('?')[0];
  return req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/_next/') && !path.startsWith('/ws/');
}
