import type { Page } from '@playwright/test';
import { seededRandom } from '../../lib/seeded-random';
import { expect, test } from './fixtures';

/** A --max-features 20000 run's vocabulary, seeded through the client rather than trained, for speed. */
const ROWS = 20_000;
const DIM = 8;
const EPOCHS = 3;

const word = (row: number) => (row < 4 ? ['<pad>', '<start>', '<unk>', '<unused>'][row] : `w${row}`);
/** Even rows from 4 on are "positive" words, odd ones "negative"; rows 0–3 are neutral. */
const sentiment = (row: number) => (row < 4 ? 0 : row % 2 === 0 ? 1 : -1);

function vocabulary() {
  const rows = Array.from({ length: ROWS }, (_, r) => r);
  return {
    words: rows.map(word),
    counts: rows.map((r) => (r < 4 ? 0 : 100_000 - r * 3)),
    positiveDocs: rows.map((r) => (r < 4 ? 0 : sentiment(r) > 0 ? 300 : 20)),
    negativeDocs: rows.map((r) => (r < 4 ? 0 : sentiment(r) < 0 ? 300 : 20)),
    positiveReviews: 12_500,
    negativeReviews: 12_500,
  };
}

/** Two clusters along the first axis that part further each epoch. */
function embedding(epoch: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const matrix = new Float32Array(ROWS * DIM);
  for (let r = 1; r < ROWS; r++) {
    for (let c = 0; c < DIM; c++) matrix[r * DIM + c] = (random() - 0.5) * 0.6;
    matrix[r * DIM] += sentiment(r) * epoch;
  }
  return matrix;
}

/** Drags through the given points of the plot (fractions of its width and height). */
async function drag(page: Page, path: [number, number][]): Promise<void> {
  await page.getByTestId('projector-lasso').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('projector-lasso').boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(path[0]));
  await page.mouse.down();
  for (const point of path.slice(1)) await page.mouse.move(...at(point), { steps: 8 });
  await page.mouse.up();
}

/** Tall enough for the whole plot: a drag must not leave the viewport. */
test.use({ viewport: { width: 1400, height: 1000 } });

const selectedCount = async (page: Page) => Number(await page.getByTestId('projector-selection').getAttribute('data-words'));

test('20,000 words: every point drawn, zoomed labels, a lasso and a box list the words they catch, and neighbour drift per epoch beside another run', async ({ page, startRun }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const run = startRun('projector-20k');
  run.logVocabulary(vocabulary());
  for (let epoch = 1; epoch <= EPOCHS; epoch++) run.logEmbedding('embedding', embedding(epoch, epoch), ROWS, DIM, epoch * 10, epoch);
  const other = startRun('projector-20k-other');
  other.logVocabulary(vocabulary());
  other.logEmbedding('embedding', embedding(2, 9), ROWS, DIM, 10, 1);
  expect(await run.drained(60_000)).toBe(true);
  expect(await other.drained(60_000)).toBe(true);

  await page.goto(`/runs/${run.id}/projector`);
  await expect(page.getByTestId('projector-count')).toHaveText('20,000 words');
  // The count ECharts itself holds, read back from the chart after drawing.
  await expect(page.getByTestId('projector-canvas')).toHaveAttribute('data-drawn', String(ROWS));
  // The selections below need one layout throughout: UMAP, once the server has it.
  await expect(page.locator('.projector-card')).toHaveAttribute('data-method', 'umap', { timeout: 180_000 });
  await expect(page.getByTestId('projector-canvas')).toHaveAttribute('data-drawn', String(ROWS));

  // A lasso round the left half and a box over the right half: between them, every word, once.
  await page.locator('[data-tool="lasso"]').click();
  // Half a percent in from the plot's edges is still outside the grid's margins, where no point is.
  await drag(page, [[0.005, 0.005], [0.5, 0.005], [0.5, 0.995], [0.005, 0.995], [0.005, 0.02]]);
  await expect(page.getByTestId('projector-selection')).toBeVisible();
  const left = await selectedCount(page);
  await page.getByTestId('projector-selection').getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('projector-selection')).toHaveCount(0);
  await page.locator('[data-tool="box"]').click();
  await drag(page, [[0.5, 0.005], [0.995, 0.995]]);
  await expect(page.getByTestId('projector-selection')).toBeVisible();
  const right = await selectedCount(page);
  expect(left).toBeGreaterThan(0);
  expect(right).toBeGreaterThan(0);
  expect(left + right).toBe(ROWS);
  await expect(page.getByTestId('projector-selection-count')).toHaveText(`${right.toLocaleString('en-US')} words selected`);
  await expect(page.getByTestId('projector-selection-mean')).toHaveText(/^[+-]?\d+\.\d\d$/);

  // The list is searchable within: a word it holds is found, one it lacks is not.
  const listed = page.getByTestId('projector-selection').locator('.projector-neighbor .projector-word');
  const first = (await listed.first().textContent())!;
  await page.getByLabel('Search the selection').fill(first);
  await expect(listed.first()).toHaveText(first);
  await page.getByLabel('Search the selection').fill('nosuchword');
  await expect(listed).toHaveCount(0);

  // Neighbour drift: one row per epoch, and the other run (same vocabulary) beside it.
  await page.locator('[data-tool="pan"]').click();
  await page.getByLabel('Search a word').fill('w100');
  await page.getByRole('button', { name: 'Find' }).click();
  const drift = page.getByTestId('projector-drift');
  await expect(drift.getByTestId('drift-own').getByTestId('drift-row')).toHaveCount(EPOCHS);
  await expect(drift.getByTestId('drift-own').getByTestId('drift-row').first().locator('.drift-word')).toHaveCount(10);
  await drift.getByLabel('Compare with run').selectOption(other.id);
  await expect(drift.getByTestId('drift-compare').getByTestId('drift-row')).toHaveCount(1);
  await expect(drift.getByTestId('drift-compare')).toContainText('projector-20k-other');

  // Trails on: the highlighted words draw through the earlier snapshots without breaking the page.
  // The word and its 10 neighbours, each through the earlier epochs' UMAP layouts that are ready:
  // on a busy machine the server may still be computing one of them.
  await page.getByLabel('trails').check();
  const trailPoints = async () => Number(await page.getByTestId('projector-canvas').getAttribute('data-trail-points'));
  await expect.poll(trailPoints, { timeout: 60_000 }).toBeGreaterThanOrEqual(11 * 2);
  expect([22, 33]).toContain(await trailPoints());
  await page.getByLabel('trails').uncheck();
  await expect(page.getByTestId('projector-canvas')).toHaveAttribute('data-trail-points', '0');
  await expect(page.getByTestId('projector-canvas')).toHaveAttribute('data-drawn', String(ROWS));

  // Zoomed in, a bounded number of words is named.
  const canvas = page.getByTestId('projector-canvas');
  const box = (await canvas.boundingBox())!;
  // Zoomed round a word: round a fixed pixel the zoom can end in the empty space between clusters,
  // which names nothing. The word is the painted pixel nearest the middle of the plot (the grid:
  // the colour legend sits on the right).
  const word = await canvas.locator('canvas').first().evaluate((layer: HTMLCanvasElement) => {
    const { width, height } = layer;
    const { data } = layer.getContext('2d')!.getImageData(0, 0, width, height);
    let best: { x: number; y: number; d: number } | null = null;
    for (let y = Math.round(height * 0.1); y < height * 0.9; y += 2) {
      for (let x = Math.round(width * 0.1); x < width * 0.75; x += 2) {
        const d = (x - width * 0.42) ** 2 + (y - height / 2) ** 2;
        if (data[(y * width + x) * 4 + 3] > 200 && (!best || d < best.d)) best = { x, y, d };
      }
    }
    return best && { x: best.x / width, y: best.y / height };
  });
  expect(word, 'a word painted on the plot').not.toBeNull();
  await page.mouse.move(box.x + box.width * word!.x, box.y + box.height * word!.y);
  // Step by step, each step waiting until the plot has zoomed in: a busy Chromium would merge wheel
  // events sent at once into fewer, smaller zooms.
  const viewShare = async () => Number((await canvas.getAttribute('data-view-share')) ?? NaN);
  await expect(canvas).toHaveAttribute('data-view-share', /\d/);
  for (let i = 0; i < 8; i++) {
    const before = await viewShare();
    await page.mouse.wheel(0, -240);
    await expect.poll(viewShare).toBeLessThan(before);
  }
  expect(await viewShare()).toBeLessThan(0.5);
  // Off the plot, so that the names counted are the zoom's, not those of the words under the cursor.
  await page.mouse.move(box.x - 10, box.y - 10);
  await expect.poll(async () => Number(await canvas.getAttribute('data-labels'))).toBeGreaterThan(0);
  expect(Number(await canvas.getAttribute('data-labels'))).toBeLessThanOrEqual(200);
  expect(errors).toEqual([]);
});
