import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseLogdirSpec } from '../../lib/logdir/logdir-spec';
import { startServer } from '../../server/start-server';

/** Workers inherit the environment, which is how they learn where the server is. */
export const SERVER_URL_ENV = 'TENSORLENS_E2E_URL';

/** An empty logdir the server follows (`--logdir live:DIR`), for specs that write event files while the page is open. */
export const LIVE_LOGDIR_ENV = 'TENSORLENS_E2E_LOGDIR';

/** The real event files beside the checkout, imported as `--logdir tfevents:DIR` (runs named `tfevents/…`). */
export const TFEVENTS = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'tfevents');

const root = resolve(__dirname, '..', '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next/: run `npx next build` (npm test does) before the e2e tests.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-e2e-'));
  const live = join(dir, 'logdir');
  mkdirSync(live);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'e2e.db'),
    dev: false,
    dir: root,
    logdirs: [parseLogdirSpec(`tfevents:${TFEVENTS}`), parseLogdirSpec(`live:${live}`)],
    log: (line) => {
      if (process.env.DEBUG_SERVER) console.log(`[server] ${line}`);
    },
  });
  await server.logdirsRead;
  process.env[SERVER_URL_ENV] = server.url;
  process.env[LIVE_LOGDIR_ENV] = live;
  return async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
