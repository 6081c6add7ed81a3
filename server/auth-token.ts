import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Addresses only this machine can reach; a server bound to one needs no token. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export interface IngestToken {
  token: string | null;
  /** True when the server made it up: nobody knows it until it is printed. */
  generated: boolean;
}

/**
 * TENSORLENS_TOKEN when set; otherwise a fresh one when the server is reachable beyond this
 * machine, and none on loopback, where every local process could read the database anyway.
 */
export function chooseIngestToken(bindHost: string, env: Record<string, string | undefined> = process.env): IngestToken {
  if (env.TENSORLENS_TOKEN) return { token: env.TENSORLENS_TOKEN, generated: false };
  if (isLoopback(bindHost)) return { token: null, generated: false };
  return { token: randomBytes(24).toString('base64url'), generated: true };
}

/** Compares secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `Authorization: Bearer <token>`, or `?token=` for clients that cannot set headers. */
export function carriesToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') && sameSecret(header.slice(7), token)) return true;
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
  return query !== null && sameSecret(query, token);
}
