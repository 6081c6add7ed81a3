import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

/**
 * An app folder holding only route files, each exporting the methods given for its folder path
 * under app/ (e.g. `'api/runs/[id]': ['GET', 'PATCH']`), for the request guard to read.
 */
export function routeFiles(t: Parameters<typeof tempDir>[0], routes: Record<string, string[]>): string {
  const app = join(tempDir(t), 'app');
  for (const [folder, methods] of Object.entries(routes)) {
    mkdirSync(join(app, folder), { recursive: true });
    writeFileSync(join(app, folder, 'route.ts'), methods.map((m) => `export const ${m} = () => new Response(null);\n`).join(''));
  }
  return app;
}
