import { seededRandom } from '../../lib/seeded-random';
import { expect, test } from './fixtures';

const ROWS = 2_000;
const DIM = 16;
/** Row 3 is a word made of markup: the page must show it as text, never as HTML. */
const MARKUP_WORD = '<b>x</b>';
const WORDS = ['<pad>', '<start>', '<unk>', MARKUP_WORD, 'good', 'bad', 'great', 'awful'];

const word = (row: number) => WORDS[row] ?? `w${row}`;
/** Even rows from 4 on are "positive" words, odd ones "negative"; rows 0–3 are neutral. */
const sentiment = (row: number) => (row < 4 ? 0 : row % 2 === 0 ? 1 : -1);

/** Two clusters along the first axis, `spread` apart, with the padding row all zeros as in Keras. */
function embedding(spread: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const matrix = new Float32Array(ROWS * DIM);
  for (let r = 1; r < ROWS; r++) {
    for (let c = 0; c < DIM; c++) matrix[r * DIM + c] = (random() - 0.5) * 0.6;
    matrix[r * DIM] += sentiment(r) * spread;
    matrix[r * DIM + 1] += 1;
  }
  return matrix;
}

function vocabulary() {
  const rows = Array.from({ length: ROWS }, (_, r) => r);
  return {
    words: rows.map(word),
    counts: rows.map((r) => (r < 3 ? 0 : 5_000 - r * 2)),
    positiveDocs: rows.map((r) => (r < 3 ? 0 : sentiment(r) > 0 ? 300 : sentiment(r) < 0 ? 20 : 100)),
    negativeDocs: rows.map((r) => (r < 3 ? 0 : sentiment(r) < 0 ? 300 : sentiment(r) > 0 ? 20 : 100)),
    positiveReviews: 2_500,
    negativeReviews: 2_500,
  };
}

test('the projector shows every word, finds one with its neighbours, escapes words and follows new snapshots', async ({ page, startRun }) => {
  const run = startRun('projector');
  run.logVocabulary(vocabulary());
  run.logEmbedding('embedding', embedding(1, 1), ROWS, DIM, 10, 1);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}/projector`);
  await expect(page.getByTestId('projector-count')).toHaveText('2,000 words');
  await expect(page.getByTestId('projector-count')).toHaveAttribute('data-points', String(ROWS));
  await expect(page.getByTestId('projector-snapshot')).toContainText('epoch 1 · step 10');
  await expect(page.locator('[data-color-mode="sentiment"]')).toHaveAttribute('aria-pressed', 'true');

  const search = async (query: string) => {
    await page.getByLabel('Search a word').fill(query);
    await page.getByRole('button', { name: 'Find' }).click();
  };

  await search('good');
  await expect(page.getByTestId('projector-selected')).toHaveText('good');
  const neighbours = page.getByTestId('projector-neighbors').locator('.projector-neighbor');
  await expect(neighbours).toHaveCount(10);
  const similarities = (await neighbours.locator('.projector-similarity').allTextContents()).map(Number);
  expect(similarities.every((s) => s > 0.5 && s <= 1)).toBe(true);
  expect([...similarities].sort((a, b) => b - a)).toEqual(similarities);
  // Cosine neighbours of a positive word are positive words: even rows.
  const rows = await neighbours.evaluateAll((buttons) => buttons.map((b) => Number((b as HTMLElement).dataset.row)));
  expect(rows.every((r) => r >= 4 && r % 2 === 0)).toBe(true);

  // Clicking a neighbour selects it.
  const first = await neighbours.first().locator('.projector-word').textContent();
  await neighbours.first().click();
  await expect(page.getByTestId('projector-selected')).toHaveText(first!);

  await search('nosuchword');
  await expect(page.getByRole('status').filter({ hasText: 'nosuchword' })).toHaveText('No word “nosuchword” in this run\'s vocabulary.');

  // The markup word is text on the page and in the plot's tooltip, never an element.
  await search(MARKUP_WORD);
  await expect(page.getByTestId('projector-selected')).toHaveText(MARKUP_WORD);
  await expect(page.getByTestId('projector-selected').locator('b')).toHaveCount(0);
  const tooltip = page.locator('.projector-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('.projector-tt-word')).toHaveText(MARKUP_WORD);
  await expect(tooltip.locator('.projector-tt-word b')).toHaveCount(0);

  // PCA first, then UMAP once the server has computed it, announced over the live socket.
  await expect(page.locator('.projector-card')).toHaveAttribute('data-method', 'umap', { timeout: 50_000 });
  await expect(page.locator('.projector-status')).toContainText('UMAP · 15 neighbours');

  // A new snapshot is pushed, not polled: the page follows it without a reload.
  run.logEmbedding('embedding', embedding(3, 2), ROWS, DIM, 20, 2);
  await expect(page.getByTestId('projector-snapshot')).toContainText('epoch 2 · step 20');
  await expect(page.locator('.projector-card')).toHaveAttribute('data-step', '20');
  await expect(page.getByTestId('projector-count')).toHaveText('2,000 words');
});

test('snapshots play in order, colours switch, and new UMAP parameters are computed and shown', async ({ page, startRun }) => {
  const run = startRun('projector-controls');
  run.logVocabulary(vocabulary());
  run.logEmbedding('embedding', embedding(0.5, 3), ROWS, DIM, 10, 1);
  run.logEmbedding('embedding', embedding(2, 4), ROWS, DIM, 20, 2);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}/projector`);
  const card = page.locator('.projector-card');
  await expect(page.getByTestId('projector-snapshot')).toContainText('epoch 2 · step 20 (2/2)');
  await expect(card).toHaveAttribute('data-method', /pca|umap/);

  // Play from the last snapshot starts over at the first and stops at the last. Each frame shows
  // for a moment only, so the steps shown are recorded as they change rather than polled.
  await card.evaluate((element) => {
    const shown: string[] = [];
    (window as unknown as { shownSteps: string[] }).shownSteps = shown;
    new MutationObserver(() => shown.push(element.getAttribute('data-step')!)).observe(element, { attributeFilter: ['data-step'] });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownSteps: string[] }).shownSteps)).toEqual(['10', '20']);
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('projector-snapshot')).toContainText('epoch 2 · step 20 (2/2)');

  await page.locator('[data-color-mode="frequency"]').click();
  await expect(page.locator('[data-color-mode="frequency"]')).toHaveAttribute('aria-pressed', 'true');

  await page.getByLabel('neighbours').fill('1');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'neighbours' })).toHaveText('neighbours must be 2–200');

  await page.getByLabel('neighbours').fill('5');
  await page.getByLabel('min distance').fill('0.5');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.projector-status')).toHaveText('UMAP · 5 neighbours · min distance 0.5', { timeout: 50_000 });
  await expect(card).toHaveAttribute('data-method', 'umap');
  await expect(page.getByTestId('projector-count')).toHaveText('2,000 words');
});

test('a run without embeddings says how to record them', async ({ page, startRun }) => {
  const run = startRun('no-embeddings');
  run.log({ 'batch/loss': 0.5 }, 1);
  expect(await run.drained(15_000)).toBe(true);
  await page.goto(`/runs/${run.id}/projector`);
  await expect(page.getByTestId('projector-empty')).toContainText('--embeddings-freq 1');
  await expect(page.getByRole('link', { name: 'Projector' })).toHaveAttribute('aria-current', 'page');
});
