import { expect, test } from './fixtures';

test('the run list shows a new run, its last values and its end as they happen', async ({ page, startRun }) => {
  const apiRequests: string[] = [];
  page.on('request', (request) => request.url().includes('/api/') && apiRequests.push(new URL(request.url()).pathname));
  await page.goto('/');
  await expect(page.locator('[data-live="live"]')).toBeVisible();
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));

  const run = startRun('list-live');
  run.log({ 'batch/loss': 0.75, 'batch/acc': 0.5 }, 1);
  const row = page.locator(`tr[data-run-id="${run.id}"]`);
  await expect(row).toHaveAttribute('data-status', 'running');
  await expect(row.locator('.status-running')).toBeVisible();
  await expect(row.locator('td[data-metric="loss"]')).toHaveText('0.75');

  // Epoch values win over batch values once they exist.
  run.log({ 'batch/loss': 0.5, 'epoch/loss': 0.625, 'epoch/val_loss': 0.875 }, 2);
  await expect(row.locator('td[data-metric="loss"]')).toHaveText('0.625');
  await expect(row.locator('td[data-metric="val_loss"]')).toHaveText('0.875');

  await run.finish();
  await expect(row).toHaveAttribute('data-status', 'finished');
  await expect(row.locator('.status-finished')).toHaveText('finished');
  expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe('same document');
  // The subscription itself brings the whole list, then pushes only: no fetch, no polling.
  expect(apiRequests).toEqual([]);
});

test('a failed run shows its error in the list', async ({ page, startRun }) => {
  await page.goto('/');
  await expect(page.locator('[data-live="live"]')).toBeVisible();
  const run = startRun('list-failed');
  run.log({ 'batch/loss': 0.5 }, 1);
  await run.finish('failed', 'RangeError: out of memory');
  const row = page.locator(`tr[data-run-id="${run.id}"]`);
  await expect(row).toHaveAttribute('data-status', 'failed');
  await expect(row).toContainText('RangeError: out of memory');
});
