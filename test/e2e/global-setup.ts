import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../server/start-server';

/** Workers inherit the environment, which is how they learn where the server is. */
export const SERVER_URL_ENV = 'TENSORLENS_E2E_URL';

const root = resolve(__dirname, '..', '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next/: run `npx next build` (npm test does) before the e2e tests.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'e2e.db'),
    dev: false,
    dir: root,
    log: (line) => {
      if (process.env.DEBUG_SERVER) console.log(`[server] ${line}`);
    },
  });
  process.env[SERVER_URL_ENV] = server.url;
  return async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
