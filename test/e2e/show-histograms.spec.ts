import { computeHistogram } from '../../lib/kinds/histogram/compute-histogram';
import { expect, test } from './fixtures';

/** A normal-ish tensor whose spread grows with the step, so each slice differs. */
function weights(step: number, nan = 0): number[] {
  const values = Array.from({ length: 500 }, (_, i) => Math.sin(i * 12.9898) * step * 0.1 + ((i % 7) - 3) * 0.01);
  return [...values, ...Array<number>(nan).fill(NaN)];
}

test('histograms are shown per layer, grow live and switch views', async ({ page, startRun }) => {
  const run = startRun('histograms');
  run.log({ 'batch/loss': 0.5 }, 1);
  run.logHistograms({ 'weights/conv1d/kernel': computeHistogram(weights(1)), 'activations/conv1d': computeHistogram(weights(2)) }, 1);
  run.logHistograms({ 'weights/conv1d/kernel': computeHistogram(weights(2)), 'activations/conv1d': computeHistogram(weights(3)) }, 2);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}`);
  const layer = page.locator('.histogram-layer[data-layer="conv1d"]');
  const card = layer.locator('.histogram-card[data-tag="weights/conv1d/kernel"]');
  await expect(card).toHaveAttribute('data-steps', '2');
  await expect(layer.locator('.histogram-card[data-tag="activations/conv1d"]')).toHaveAttribute('data-steps', '2');
  await expect(card).toHaveAttribute('data-view', 'offset');
  await expect(card.locator('canvas').first()).toBeVisible();

  // Pushed, not polled: the page is not reloaded.
  run.logHistograms({ 'weights/conv1d/kernel': computeHistogram(weights(3, 4)) }, 3);
  await expect(card).toHaveAttribute('data-steps', '3');
  await expect(card.locator('[data-nonfinite-histogram]')).toContainText('NaN ×4 at step 3');

  for (const view of ['overlay', 'distributions', 'heatmap', 'offset']) {
    await card.locator(`button[data-view-option="${view}"]`).click();
    await expect(card).toHaveAttribute('data-view', view);
    await expect(card.locator(`button[data-view-option="${view}"]`)).toHaveAttribute('aria-pressed', 'true');
  }
});
