import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { createApp } from '../../lib/app-context';
import { WINDOW_FROM } from '../../lib/view/run/use-row-window';
import { type RunningServer, startServer } from '../../server/start-server';

/**
 * A list longer than WINDOW_FROM keeps only the rows on screen in the page. On a server of its
 * own: in the shared one, a windowed list would hide the rows other specs look for.
 */
const RUNS = 3 * WINDOW_FROM;
let server: RunningServer;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tensorlens-e2e-window-'));
  const dbPath = join(dir, 'window.db');
  const { store, tables } = createApp(dbPath);
  store.transaction(() => {
    for (let i = 0; i < RUNS; i++) {
      const id = `win-${String(i).padStart(4, '0')}`;
      store.upsertRun({ id, name: `window run ${i}`, model: 'mlp', backend: 'e2e', config: { seed: i }, startedAt: Date.UTC(2025, 0, 1) + i * 60_000 });
      tables.scalar.write(id, [{ tag: 'epoch/loss', steps: [0, 1], wallTimes: [0, 1], values: [1, i / RUNS] }]);
      store.setRunStatus(id, 'finished', null, 2);
    }
  });
  store.close();
  server = await startServer({ port: 0, host: '127.0.0.1', dbPath, dev: false, dir: resolve(__dirname, '..', '..'), log: () => undefined });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a long run list holds only the rows on screen, scrolls to its end and filters over every run', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await expect(page.locator('[data-shown-runs]')).toHaveAttribute('data-shown-runs', String(RUNS));
  const rows = page.locator('tbody tr[data-run-id]');
  await expect(rows.first()).toHaveAttribute('data-run-id', `win-${String(RUNS - 1).padStart(4, '0')}`);
  const inPage = await rows.count();
  expect(inPage, 'rows in the page').toBeLessThan(WINDOW_FROM / 2);
  expect(inPage).toBeGreaterThan(5);

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator('tr[data-run-id="win-0000"]'), 'the oldest run, at the end').toBeInViewport();
  expect(await rows.count()).toBeLessThan(WINDOW_FROM / 2);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByLabel('Filter runs').fill('seed>=590');
  await expect(page.locator('[data-shown-runs]')).toHaveAttribute('data-shown-runs', '10');
  await expect(rows).toHaveCount(10);
  await expect(rows.last()).toHaveAttribute('data-run-id', 'win-0590');
});
