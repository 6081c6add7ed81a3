import { test as base, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { Run } from '../../lib/client/run';
import { SERVER_URL_ENV } from './global-setup';

interface Fixtures {
  serverUrl: string;
  /** Starts a run with a unique name; it is closed after the test whatever happens. */
  startRun: (name: string) => Run;
}

export const test = base.extend<Fixtures>({
  serverUrl: async ({}, use) => {
    const url = process.env[SERVER_URL_ENV];
    if (!url) throw new Error(`${SERVER_URL_ENV} is not set: the global setup did not start the server`);
    await use(url);
  },
  baseURL: async ({ serverUrl }, use) => {
    await use(serverUrl);
  },
  startRun: async ({ serverUrl }, use) => {
    const runs: Run[] = [];
    await use((name) => {
      const run = new Run({ server: serverUrl, name: `${name}-${randomUUID().slice(0, 8)}`, model: 'e2e-model', backend: 'e2e' });
      runs.push(run);
      return run;
    });
    for (const run of runs) run.close();
  },
});

export { expect };

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
