import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One route file under app/api: the paths it serves and the methods it exports. */
interface ApiRoute {
  pattern: RegExp;
  methods: readonly string[];
}

export type ApiRoutes = readonly ApiRoute[];

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const EXPORTED = new RegExp(`export\\s+(?:const|let|(?:async\\s+)?function)\\s+(${HTTP_METHODS.join('|')})\\b`, 'g');
const EXPORT_LIST = /export\s*\{([^}]*)\}/g;

/** Next answers HEAD for every route that has GET. */
const IMPLIED: Record<string, string> = { GET: 'HEAD' };

/** The methods a route file exports (`export const GET`, `export async function PATCH`, `export { DELETE }`). */
function exportedMethods(source: string): string[] {
  const names = [...source.matchAll(EXPORTED)].map((m) => m[1]);
  for (const list of source.matchAll(EXPORT_LIST)) {
    for (const item of list[1].split(',')) {
      const name = item.trim().split(/\s+as\s+/).pop()!;
      if (HTTP_METHODS.includes(name)) names.push(name);
    }
  }
  const methods = new Set(names.flatMap((m) => (IMPLIED[m] ? [m, IMPLIED[m]] : [m])));
  return HTTP_METHODS.filter((m) => methods.has(m));
}

/** A folder's part of the URL, as Next's App Router reads it: `[id]` one segment, `[...tag]` one or more, `[[...x]]` any, `(group)` none. */
function segmentPattern(folder: string): string {
  if (/^\(.*\)$/.test(folder)) return '';
  if (/^\[\[\.\.\..+\]\]$/.test(folder)) return '(?:/[^/]+)*';
  if (/^\[\.\.\..+\]$/.test(folder)) return '(?:/[^/]+)+';
  if (/^\[.+\]$/.test(folder)) return '/[^/]+';
  return `/${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
}

/**
 * Every route handler under `appDir/api`, read from the route files themselves, so the request
 * guard allows exactly the methods some route takes: a route that gains PATCH is reachable with
 * no list to keep in step. Without the folder (a stand-in app in tests) there are none.
 */
export function readApiRoutes(appDir: string): ApiRoutes {
  const routes: ApiRoute[] = [];
  const visit = (dir: string, folders: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('_')) visit(join(dir, entry.name), [...folders, entry.name]);
      else if (/^route\.(ts|js)$/.test(entry.name)) {
        const pattern = new RegExp(`^${folders.map(segmentPattern).join('')}/?$`);
        routes.push({ pattern, methods: exportedMethods(readFileSync(join(dir, entry.name), 'utf8')) });
      }
    }
  };
  const api = join(appDir, 'api');
  if (existsSync(api)) visit(api, ['api']);
  return routes;
}

/** What some route at `path` takes; GET and HEAD where none matches, so Next answers its own 404. */
export function allowedApiMethods(routes: ApiRoutes, path: string): string[] {
  const methods = new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods));
  return methods.size === 0 ? ['GET', 'HEAD'] : HTTP_METHODS.filter((m) => methods.has(m));
}
