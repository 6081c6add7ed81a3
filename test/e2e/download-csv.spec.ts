import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('the CSV link of a series downloads TensorBoard-style rows', async ({ page, startRun }) => {
  const run = startRun('csv');
  const values = [0.9, 0.7, 0.55, 0.5, 0.45];
  values.forEach((value, i) => run.log({ 'batch/loss': value, 'batch/acc': 1 - value }, i + 1));
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}`);
  const link = page.locator('.chart-card[data-family="loss"] li[data-tag="batch/loss"] a.csv');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');

  expect(lines[0]).toBe('Wall time,Step,Value');
  const rows = lines.slice(1).map((line) => line.split(',').map(Number));
  expect(rows.map(([, step]) => step)).toEqual([1, 2, 3, 4, 5]);
  expect(rows.map(([, , value]) => value)).toEqual(values);
  for (const [wallTime] of rows) expect(Math.abs(wallTime - Date.now() / 1000)).toBeLessThan(120);
});
