import { expect, test } from './fixtures';

test('NaN and infinite values are shown on the run page, stored and pushed alike', async ({ page, startRun }) => {
  const run = startRun('non-finite');
  run.log({ 'batch/loss': 0.5, 'batch/acc': 0.5 }, 1);
  run.log({ 'batch/loss': 0.4, 'batch/acc': 0.6 }, 2);
  run.log({ 'batch/loss': NaN, 'batch/acc': 0.6 }, 3);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}`);
  const loss = page.locator('.chart-card[data-family="loss"]');
  // Non-finite points are held like any other, not dropped.
  await expect(loss).toHaveAttribute('data-points', '3');
  await expect(loss.locator('[data-nonfinite-tag="batch/loss"]')).toContainText('NaN at step 3');

  run.log({ 'batch/loss': Infinity, 'batch/acc': -Infinity }, 4);
  await expect(loss).toHaveAttribute('data-points', '4');
  await expect(loss.locator('[data-nonfinite-tag="batch/loss"]')).toContainText('2 in all');
  await expect(loss.locator('li[data-tag="batch/loss"] .value-bad')).toHaveText('+Inf');
  const acc = page.locator('.chart-card[data-family="acc"]');
  await expect(acc.locator('[data-nonfinite-tag="batch/acc"]')).toContainText('-Inf at step 4');

  // The tooltip gives the raw value at the step of the marker.
  await loss.locator('.chart-canvas').hover({ position: { x: 5, y: 5 } });
  const box = (await loss.locator('.chart-canvas canvas').first().boundingBox())!;
  for (let x = box.x + box.width - 40; x < box.x + box.width; x += 4) {
    await page.mouse.move(x, box.y + box.height / 2);
    if (await page.getByText('step 4', { exact: true }).isVisible()) break;
  }
  await expect(page.locator('.tt-row', { hasText: 'batch/loss' })).toContainText('+Inf');
});

test('the run list flags a non-finite last value', async ({ page, startRun }) => {
  const run = startRun('list-nan');
  run.log({ 'batch/loss': 0.5 }, 1);
  run.log({ 'batch/loss': NaN }, 2);
  expect(await run.drained(15_000)).toBe(true);
  await page.goto('/');
  const cell = page.locator(`tr[data-run-id="${run.id}"] td[data-metric="loss"]`);
  await expect(cell).toHaveText('NaN');
  await expect(cell.locator('.value-bad')).toBeVisible();
});
