import { isIP } from 'node:net';

/**
 * The Host names this server answers to. DNS rebinding points an attacker's name at our address,
 * so a page of theirs reads our API as same-origin; its requests then carry their name in `Host`.
 * An IP literal cannot be rebound, and `localhost` always means this machine, so those pass; any
 * other name must be the one we were bound to or one given with --allowed-host.
 */
export interface HostPolicy {
  names: ReadonlySet<string>;
}

export function hostPolicy(bindHost: string, allowed: readonly string[] = []): HostPolicy {
  const names = new Set(['localhost', ...allowed].map((h) => h.toLowerCase()));
  if (isIP(bindHost) === 0) names.add(bindHost.toLowerCase());
  return { names };
}

/** "Example.com:3000" → "example.com", "[::1]:3000" → "::1"; null when it is no host at all. */
function hostname(header: string): string | null {
  try {
    const name = new URL(`http://${header}`).hostname.toLowerCase();
    return name.startsWith('[') ? name.slice(1, -1) : name;
  } catch {
    return null;
  }
}

/** A request without Host (HTTP/1.0, a script) cannot come from a browser, so it cannot be rebound. */
export function isAllowedHost(header: string | undefined, policy: HostPolicy): boolean {
  if (header === undefined) return true;
  const name = hostname(header);
  if (name === null) return false;
  return isIP(name) !== 0 || name.endsWith('.localhost') || policy.names.has(name);
}

export function refusedHostMessage(header: string | undefined): string {
  return `Host "${header}" is not a name this server answers to; start it with --allowed-host <name> to allow it`;
}
