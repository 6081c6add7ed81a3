import { expect, test } from './fixtures';

const TAG = 'reviews/wrong';
const TABLE = '| review | p(positive) | label |\n| --- | ---: | --- |\n| a dull, lifeless film | 0.97 | negative |\n';
// Logged text is untrusted: each of these would run or load something if it became markup.
const IMG = '<img src=x onerror="alert(\'img\')">';
const SCRIPT = '<script>alert(\'script\')</script>';
const LINK = '[click me](javascript:alert(\'link\'))';

test('text shows its Markdown safely, the slider picks a step, and pushed steps appear live', async ({ page, startRun }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const run = startRun('text');
  run.log({ 'batch/loss': 1 }, 1);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}/text`);
  await expect(page.locator('.run-tabs a[aria-current="page"]')).toHaveText('Text');
  await expect(page.getByTestId('text-empty')).toContainText('No text logged');

  // Pushed into the open page, then fetched again from the store after a reload.
  run.logText(TAG, 1, `### Epoch 1\n\n${TABLE}`);
  run.logText(TAG, 2, `### Epoch 2\n\n${IMG} then ${SCRIPT}\n\n${LINK}`);
  const card = page.locator(`.text-card[data-tag="${TAG}"]`);
  await expect(card).toHaveAttribute('data-step', '2');
  await page.reload();

  // The newest step shows first, its payloads as text and nothing else.
  const body = card.locator('.text-markdown');
  await expect(card).toHaveAttribute('data-step', '2');
  await expect(body).toContainText(`${IMG} then ${SCRIPT}`);
  await expect(body.getByText('click me')).toBeVisible();
  await expect(page.locator('.text-markdown img, .text-markdown script, .text-markdown a[href^="javascript:"]')).toHaveCount(0);

  // The slider goes back to step 1, whose table renders as a table.
  const slider = card.getByLabel(`Step of ${TAG}`);
  await slider.fill('0');
  await expect(card).toHaveAttribute('data-step', '1');
  await expect(body.locator('th')).toHaveText(['review', 'p(positive)', 'label']);
  await expect(body.locator('td')).toHaveText(['a dull, lifeless film', '0.97', 'negative']);

  // A new step joins the slider while the chosen step stays...
  run.logText(TAG, 3, '**Epoch 3**: nothing misread');
  await expect(card.locator('.text-steps output')).toContainText('(1/3)');
  await expect(card).toHaveAttribute('data-step', '1');
  // ...and the slider's end follows the newest step from then on.
  await slider.fill('2');
  await expect(body.locator('strong')).toHaveText('Epoch 3');
  run.logText(TAG, 4, 'Epoch 4');
  await expect(card).toHaveAttribute('data-step', '4');

  // A tag that appears later gets its own card.
  run.logText('notes', 4, 'a *new* tag');
  await expect(page.locator('.text-card[data-tag="notes"] em')).toHaveText('new');

  expect(dialogs).toEqual([]);
});
