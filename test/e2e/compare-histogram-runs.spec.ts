import { computeHistogram } from '../../lib/kinds/histogram/compute-histogram';
import { expect, test } from './fixtures';

const KERNEL = 'weights/conv1d/kernel';

/** A tensor whose spread depends on the run and the step, so every curve differs. */
function weights(spread: number): number[] {
  return Array.from({ length: 400 }, (_, i) => Math.sin(i * 12.9898) * spread);
}

test('a histogram card overlays one tensor from two runs, chosen in the card or from the address', async ({ page, startRun }) => {
  const current = startRun('compare-this');
  // The name is user input: it must show as text, never as markup.
  const other = startRun('<i>other</i>');
  current.logHistograms({ [KERNEL]: computeHistogram(weights(0.1)), 'activations/conv1d': computeHistogram(weights(1)) }, 1);
  current.logHistograms({ [KERNEL]: computeHistogram(weights(0.2)) }, 2);
  other.logHistograms({ [KERNEL]: computeHistogram(weights(0.5)) }, 1);
  other.logHistograms({ [KERNEL]: computeHistogram(weights(0.9)) }, 3);
  expect(await current.drained(15_000)).toBe(true);
  expect(await other.drained(15_000)).toBe(true);

  await page.goto(`/runs/${current.id}`);
  const card = page.locator(`.histogram-card[data-tag="${KERNEL}"]`);
  await expect(card).toHaveAttribute('data-steps', '2');
  await card.locator('.compare-picker summary').click();
  const option = card.locator(`[data-compare-option="${other.id}"]`);
  await expect(option).toContainText('<i>other</i>-');
  await expect(option).toContainText('2 steps');
  await option.locator('input[type="checkbox"]').check();

  await expect(page).toHaveURL(new RegExp(`\\?compare=${other.id}$`));
  const view = card.locator('.compare-view');
  await expect(view).toHaveAttribute('data-compare-curves', '2');
  await expect(card.locator('.view-toggle')).toBeHidden();
  const mine = view.locator(`[data-compare-run="${current.id}"]`);
  const theirs = view.locator(`[data-compare-run="${other.id}"]`);
  await expect(mine).toContainText('compare-this-');
  await expect(mine).toContainText('step 2');
  await expect(theirs).toContainText('<i>other</i>-');
  await expect(theirs).toContainText('step 3');
  await expect(view.locator('.compare-legend i')).toHaveCount(0);
  // The card of a tensor the other run never recorded says so instead of drawing nothing silently.
  const activations = page.locator('.histogram-card[data-tag="activations/conv1d"] .compare-view');
  await expect(activations).toHaveAttribute('data-compare-curves', '1');
  await expect(activations.locator(`[data-compare-run="${other.id}"]`)).toContainText('never recorded this tensor');

  // The page's run stays live: at "latest" its new step replaces the old one without a reload.
  current.logHistograms({ [KERNEL]: computeHistogram(weights(0.3)) }, 4);
  await expect(mine).toHaveAttribute('data-shown-step', '4');
  await expect(theirs).toHaveAttribute('data-shown-step', '3');
  // So does a compared run still training.
  other.logHistograms({ [KERNEL]: computeHistogram(weights(0.7)) }, 5);
  await expect(theirs).toHaveAttribute('data-shown-step', '5');

  // Steps 1 to 5 are the slider's stops; at step 2 the other run falls back to its step 1.
  await view.locator('input[type="range"]').fill('1');
  await expect(view.locator('output')).toHaveText('2');
  await expect(mine).toHaveAttribute('data-shown-step', '2');
  await expect(theirs).toHaveAttribute('data-shown-step', '1');
  await expect(theirs).toContainText('step 1 (nearest before 2)');

  // The address alone brings the comparison back, as a bookmark would.
  await page.goto(`/runs/${current.id}?compare=${other.id},not%20an%20id`);
  await expect(card.locator('.compare-view')).toHaveAttribute('data-compare-curves', '2');
  await expect(card.locator(`.compare-view [data-compare-run="${other.id}"]`)).toContainText('step 5');
  await expect(page.locator('[data-compare-ignored]')).toContainText('not an id');

  // Unticking the last run ends the comparison and clears the address.
  await card.locator('.compare-picker summary').click();
  await card.locator(`[data-compare-option="${other.id}"] input[type="checkbox"]`).uncheck();
  await expect(card.locator('.compare-view')).toHaveCount(0);
  await expect(card.locator('.view-toggle')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/runs/${current.id}$`));
});
