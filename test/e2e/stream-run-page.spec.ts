import { expect, sleep, test } from './fixtures';

test('the run page charts points as they stream, without reloading or polling', async ({ page, startRun }) => {
  const run = startRun('stream');
  run.log({ 'batch/loss': 1 }, 1);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}`);
  const loss = page.locator('.chart-card[data-family="loss"]');
  await expect(loss).toHaveAttribute('data-last-step', '1');

  // A reload or navigation would lose this, and any request to the API would be polling.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
  const apiRequests: string[] = [];
  page.on('request', (request) => request.url().includes('/api/') && apiRequests.push(request.url()));

  for (let step = 2; step <= 30; step++) {
    run.log({ 'batch/loss': 1 / step }, step);
    await sleep(20);
  }
  await expect(loss).toHaveAttribute('data-last-step', '30');
  await expect(loss).toHaveAttribute('data-points', '30');
  await expect(loss.locator('li[data-tag="batch/loss"]')).toContainText('0.03333');

  // A tag that appears mid-run gets its own chart, and a family's new tag joins its chart.
  run.log({ 'epoch/acc': 0.5, 'epoch/loss': 0.25 }, 30);
  const acc = page.locator('.chart-card[data-family="acc"]');
  await expect(acc).toHaveAttribute('data-last-step', '30');
  await expect(loss).toHaveAttribute('data-tag-counts', JSON.stringify({ 'batch/loss': 30, 'epoch/loss': 1 }));

  await run.finish();
  await expect(page.locator('.run-header [data-status]')).toHaveAttribute('data-status', 'finished');

  expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe('same document');
  expect(navigations).toEqual([]);
  expect(apiRequests).toEqual([]);
});

test('points logged while the page loads are neither lost nor doubled', async ({ page, startRun }) => {
  const run = startRun('load-race');
  // The page of a run the server has not heard of yet is a 404.
  run.log({ 'batch/loss': 1 }, 1);
  expect(await run.drained(15_000)).toBe(true);
  let step = 1;
  let stop = false;
  // Logs all along: before the page fetches, while it fetches, and after it subscribed.
  const streaming = (async () => {
    while (!stop) {
      step++;
      run.log({ 'batch/loss': 1 / step }, step);
      await sleep(10);
    }
  })();
  await page.goto(`/runs/${run.id}`);
  const loss = page.locator('.chart-card[data-family="loss"]');
  await expect(loss).toHaveAttribute('data-points', /\d/);
  const atLoad = step;
  await expect.poll(() => step).toBeGreaterThan(atLoad + 20);
  stop = true;
  await streaming;
  await expect(loss).toHaveAttribute('data-last-step', String(step));
  await expect(loss).toHaveAttribute('data-points', String(step));
});

test('an unknown run is a 404 page', async ({ page }) => {
  const response = await page.goto('/runs/no-such-run');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});
