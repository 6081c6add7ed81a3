import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { Run } from '../../lib/client/run';
import { expect, test } from './fixtures';

/** Runs of one sweep, named with a token no other test uses, so the list's filter finds exactly them. */
function sweep(serverUrl: string, token: string, rates: readonly number[]): Run[] {
  return rates.map((lr) => new Run({ server: serverUrl, name: `${token} lr=${lr}`, model: 'e2e-model', backend: 'e2e', config: { lr, batch_size: 32 } }));
}

/** A noisy decaying loss, so that smoothing visibly changes the line. */
function logLoss(run: Run, lr: number, from: number, to: number): void {
  for (let step = from; step <= to; step++) run.log({ 'batch/loss': 1 / (1 + step * lr * 10) + 0.2 * Math.sin(step * 1.7) }, step);
}

const chart = (page: Page, tag: string) => page.locator(`.compare-chart[data-tag="${tag}"]`);

/** Pixels of the chart's line layer in each run's colour (its smoothed line, drawn opaque), by run id. */
async function colorPixels(page: Page, tag: string, colors: Record<string, string>): Promise<Record<string, number>> {
  return chart(page, tag)
    .locator('canvas.line-layer')
    .evaluate((canvas, hexes: Record<string, string>) => {
      const { data } = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height);
      const counts: Record<string, number> = {};
      for (const [id, hex] of Object.entries(hexes)) {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30) n++;
        counts[id] = n;
      }
      return counts;
    }, colors);
}

async function drawnRuns(page: Page, tag: string): Promise<string[]> {
  const runs = await chart(page, tag).getAttribute('data-runs');
  return (runs ?? '').split(' ').filter(Boolean).sort();
}

test('three runs chosen in the list open side by side; smoothing, hiding and the address all hold', async ({ page, serverUrl }) => {
  const token = `cmp${randomUUID().slice(0, 6)}`;
  const runs = sweep(serverUrl, token, [0.1, 0.01, 0.001]);
  try {
    runs.forEach((run, i) => logLoss(run, [0.1, 0.01, 0.001][i], 0, 300));
    await Promise.all(runs.map((run) => run.finish()));
    const ids = runs.map((r) => r.id).sort();

    await page.goto('/');
    const filter = page.getByLabel('Filter runs');
    await filter.fill('lr<<');
    await expect(page.locator('[data-filter-error]')).toContainText('column');
    await filter.fill(`${token} lr<0.05`);
    await expect(page.locator('[data-shown-runs]')).toHaveAttribute('data-shown-runs', '2');
    await filter.fill(token);
    await expect(page.locator('[data-shown-runs]')).toHaveAttribute('data-shown-runs', '3');
    await page.locator('[data-select-all]').check();
    await page.locator('[data-compare]').click();
    await expect(page).toHaveURL(/\/compare\?runs=/);

    const loss = chart(page, 'batch/loss');
    await expect(loss).toHaveAttribute('data-ready', 'true');
    expect(await drawnRuns(page, 'batch/loss')).toEqual(ids);

    const before = JSON.parse((await loss.getAttribute('data-smoothed'))!);
    await page.locator('[data-smoothing-amount]').fill('0.95');
    await expect.poll(async () => JSON.parse((await loss.getAttribute('data-smoothed'))!)[ids[0]]).not.toBe(before[ids[0]]);

    // Each run's line is painted on the chart's line layer in its own colour.
    const colors: Record<string, string> = {};
    for (const id of ids) colors[id] = await page.locator(`.run-legend input[data-run-color="${id}"]`).inputValue();
    const shown = await colorPixels(page, 'batch/loss', colors);
    for (const id of ids) expect(shown[id], `${id} in ${colors[id]}`).toBeGreaterThan(20);

    const hidden = runs[1].id;
    await page.locator(`[data-legend-run="${hidden}"]`).click();
    await expect.poll(() => drawnRuns(page, 'batch/loss')).toEqual(ids.filter((id) => id !== hidden));
    await expect.poll(async () => (await colorPixels(page, 'batch/loss', colors))[hidden]).toBe(0);
    expect((await colorPixels(page, 'batch/loss', colors))[ids.find((id) => id !== hidden)!]).toBeGreaterThan(20);
    await expect(page).toHaveURL(new RegExp(`hidden=${hidden}`));
    await expect(page).toHaveURL(/smoothing=ema%3A0\.95|smoothing=ema:0\.95/);

    // A zoom and the table's columns go into the address too.
    await loss.locator('.chart-canvas').hover();
    await page.mouse.wheel(0, -600);
    await expect(page).toHaveURL(/zoom=batch%2Floss%3A/);
    const zoomed = JSON.parse((await loss.getAttribute('data-zoom'))!) as [number, number];
    expect(zoomed[1] - zoomed[0]).toBeLessThan(300);
    const modelHeader = page.locator('.compare-table th', { hasText: /^Model/ });
    await expect(modelHeader).toHaveCount(1);
    await page.locator('.column-picker summary').click();
    await page.locator('.column-picker label', { hasText: 'Model' }).locator('input').uncheck();
    await expect(modelHeader).toHaveCount(0);
    await expect(page).toHaveURL(/columns=status%2Cduration%7C/);

    await page.reload();
    await expect(page.locator('[data-smoothing-amount]')).toHaveValue('0.95');
    await expect(modelHeader).toHaveCount(0);
    await expect.poll(async () => (JSON.parse((await loss.getAttribute('data-zoom')) ?? 'null') as number[] | null)?.map(Math.round)).toEqual(zoomed.map(Math.round));
    await expect(page.locator(`[data-legend-run="${hidden}"]`)).toHaveAttribute('aria-pressed', 'false');
    await expect(loss).toHaveAttribute('data-ready', 'true');
    expect(await drawnRuns(page, 'batch/loss')).toEqual(ids.filter((id) => id !== hidden));
    // The server render had the browser fetch the charts' first read, and the page took those answers.
    const reads = await page.evaluate(() => {
      const preloaded = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map((link) => link.href);
      const fetched = performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch').map((e) => e.name);
      return { preloaded, fetchedAgain: preloaded.filter((href) => fetched.includes(href)) };
    });
    expect(reads.preloaded.some((href) => href.includes('/api/scalars/batch%2Floss?runs=') || href.includes('/api/scalars/batch/loss?runs='))).toBe(true);
    expect(reads.fetchedAgain).toEqual([]);

    // Back undoes the hiding, forward redoes it, without a reload.
    await page.goBack();
    await expect.poll(() => drawnRuns(page, 'batch/loss')).toEqual(ids);
    await page.goForward();
    await expect.poll(() => drawnRuns(page, 'batch/loss')).toEqual(ids.filter((id) => id !== hidden));

    // The table's sort is in the address too: each click a history entry, kept by a reload.
    const lrHeader = page.locator('.compare-table th', { hasText: /^lr/ });
    const tableOrder = () => page.locator('.compare-table tr[data-run-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id')));
    const byRate = runs.map((run) => run.id);
    await lrHeader.click();
    await expect.poll(tableOrder).toEqual([...byRate].reverse());
    await lrHeader.click();
    await expect.poll(tableOrder).toEqual(byRate);
    await expect(page).toHaveURL(/sort=-config%3Alr/);
    await page.goBack();
    await expect(page).toHaveURL(/sort=config%3Alr/);
    await expect.poll(tableOrder).toEqual([...byRate].reverse());
    await page.reload();
    await expect(lrHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(tableOrder).toEqual([...byRate].reverse());
  } finally {
    for (const run of runs) run.close();
  }
});

test("a live run's line grows by push, and a run deleted elsewhere leaves the open pages", async ({ page, context, serverUrl }) => {
  const token = `live${randomUUID().slice(0, 6)}`;
  const [live, doomed] = sweep(serverUrl, token, [0.1, 0.2]);
  try {
    logLoss(live, 0.1, 0, 5);
    logLoss(doomed, 0.2, 0, 50);
    expect(await live.drained(15_000)).toBe(true);
    await doomed.finish();

    await page.goto(`/compare?runs=${live.id},${doomed.id}`);
    const loss = chart(page, 'batch/loss');
    await expect.poll(async () => JSON.parse((await loss.getAttribute('data-last-steps')) ?? '{}')[live.id]).toBe(5);
    logLoss(live, 0.1, 6, 40);
    await expect.poll(async () => JSON.parse((await loss.getAttribute('data-last-steps')) ?? '{}')[live.id]).toBe(40);

    const list = await context.newPage();
    await list.goto('/');
    await expect(list.locator(`tr[data-run-id="${doomed.id}"]`)).toBeVisible();
    const runPage = await context.newPage();
    await runPage.goto(`/runs/${doomed.id}`);
    await runPage.getByRole('button', { name: 'Delete…' }).click();
    await runPage.locator('[data-confirm-delete]').click();

    await expect.poll(() => drawnRuns(page, 'batch/loss')).toEqual([live.id]);
    await expect(page.locator(`[data-legend-run="${doomed.id}"]`)).toHaveCount(0);
    await expect(page).not.toHaveURL(new RegExp(doomed.id));
    await expect(list.locator(`tr[data-run-id="${doomed.id}"]`)).toHaveCount(0);
    // The page that deleted the run goes to the list. Read from the document: Playwright once reported
    // the page's URL as "" after this document load, with the list on screen.
    await expect(runPage.locator('[data-shown-runs]')).toBeVisible();
    await expect(runPage.locator('tr[data-run-id]').first()).toBeVisible();
    expect(await runPage.evaluate(() => location.pathname)).toBe('/');
    expect((await page.request.get(`/api/runs/${doomed.id}`)).status()).toBe(404);
  } finally {
    live.close();
    doomed.close();
  }
});
