import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { WireRunSummary } from '../../lib/kinds/scalar/run-summary';
import { eventRecord, fileVersionRecord } from '../../lib/logdir/event-writer';
import { expect, test } from './fixtures';
import { LIVE_LOGDIR_ENV, TFEVENTS } from './global-setup';

const KERAS = 'tfevents/keras/20230302-211243';

async function runNamed(request: APIRequestContext, name: string): Promise<WireRunSummary> {
  let found: WireRunSummary | undefined;
  await expect
    .poll(async () => {
      found = ((await (await request.get('/api/runs')).json()) as WireRunSummary[]).find((r) => r.name === name);
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

test('an imported Keras run: marked in the list, its source stated, epoch scalars, [30,3] histograms, and its model graph', async ({ page, request }) => {
  const run = await runNamed(request, KERAS);
  await page.goto('/');
  const row = page.locator(`tr[data-run-id="${run.id}"]`);
  await expect(row.getByTestId('imported')).toHaveText('TensorBoard');
  await expect(row).toContainText(join(TFEVENTS, 'keras', '20230302-211243'));

  await row.getByRole('link', { name: KERAS }).click();
  await expect(page.locator('.run-header h1')).toHaveText(KERAS);
  const source = page.getByTestId('run-source');
  await expect(source.locator('summary')).toContainText(`Imported from ${join(TFEVENTS, 'keras', '20230302-211243')}`);
  await source.locator('summary').click();
  await expect(source).toContainText('Keras fit: its train/ and validation/ folders are shown as this one run');
  await expect(source.getByTestId('not-shown')).toContainText('batch_3');
  await expect(source.getByTestId('not-shown')).toContainText('graph_run_metadata_graph');

  const loss = page.locator('.chart-card[data-family="loss"]');
  await expect(loss).toHaveAttribute('data-tag-counts', JSON.stringify({ 'epoch/loss': 3 }));
  await expect(loss).toHaveAttribute('data-last-step', '2');
  await expect(loss.locator('li[data-tag="epoch/loss"]')).toContainText('0.0703');
  await expect(page.locator('.chart-card[data-family="accuracy"]')).toHaveAttribute('data-tag-counts', JSON.stringify({ 'epoch/accuracy': 3 }));
  const kernel = page.locator('.histogram-layer[data-layer="conv2d"] .histogram-card[data-tag="weights/conv2d/kernel"]');
  await expect(kernel).toHaveAttribute('data-steps', '3');
  await expect(kernel.locator('canvas').first()).toBeVisible();
  await expect(page.locator('.histogram-card')).toHaveCount(4);

  await page.getByRole('link', { name: 'Graph' }).click();
  const graph = page.getByTestId('graph');
  await expect(graph).toHaveAttribute('data-kind', 'layers');
  const svg = page.locator('svg.graph-svg');
  await expect(svg.locator('g.graph-node')).toHaveCount(5);
  await expect(svg.locator('g.graph-node[data-node="conv2d"]')).toContainText('out: (None, 26, 26, 32)');
  await expect(svg.locator('g.graph-node[data-node="conv2d"]')).toContainText('params: 320');
  await expect(svg.locator('g.graph-node[data-node="dense"]')).toContainText('params: 54,090');
  await expect(svg.locator('path.graph-edge')).toHaveCount(4);

  // The graph_def of the same fit, as ops grouped by name scope.
  await page.locator('button[data-graph-kind="ops"]').click();
  await expect(graph).toHaveAttribute('data-kind', 'ops');
  const sequential = svg.locator('g.graph-node[data-node="sequential/"]');
  await expect(sequential).toContainText('expand scope');
  await sequential.click();
  await expect(svg.locator('[data-inner-of="sequential/"] g.graph-node[data-node="sequential/conv2d/"]')).toBeVisible();
});

test('an imported PyTorch run: its PR curve per step and its images per step, each with a step slider', async ({ page, request }) => {
  const pr = await runNamed(request, 'tfevents/pytorch/pr_curve_experiment');
  await page.goto(`/runs/${pr.id}`);
  const card = page.locator('.pr-curve-card[data-tag="Evaluations/PR_Curve"]');
  await expect(card).toHaveAttribute('data-steps', '5');
  await expect(card).toHaveAttribute('data-step', '4');
  await expect(card.locator('canvas').first()).toBeVisible();
  const slider = card.getByRole('slider', { name: 'Step of Evaluations/PR_Curve' });
  await slider.fill('1');
  await expect(card).toHaveAttribute('data-step', '1');
  await expect(card.locator('.step-slider output')).toContainText('step 1');
  await expect(page.getByTestId('no-scalars')).toContainText('This run logged no scalars.');

  const images = await runNamed(request, 'tfevents/pytorch/image_experiment');
  await page.goto(`/runs/${images.id}`);
  const strip = page.locator('.image-card[data-tag="Debug_Images/Random_Noise"]');
  await expect(strip).toHaveAttribute('data-steps', '5');
  const image = strip.locator('img');
  await expect(image).toHaveCount(1);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(100);
  const latest = await image.getAttribute('src');
  await strip.getByRole('slider', { name: 'Step of Debug_Images/Random_Noise' }).fill('0');
  await expect(strip).toHaveAttribute('data-step', '0');
  await expect(image).not.toHaveAttribute('src', latest!);
  const png = await request.get((await image.getAttribute('src'))!);
  expect(png.headers()['content-type']).toBe('image/png');
  expect([...(await png.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('a logdir written while the page is open: new events reach the chart without a reload', async ({ page, request }) => {
  const folder = join(process.env[LIVE_LOGDIR_ENV]!, `fit-${Date.now()}`);
  mkdirSync(folder);
  const file = join(folder, 'events.out.tfevents.1700000000.e2e');
  const scalar = (step: number, value: number) => eventRecord({ wallTime: 1700000000 + step, step, summary: { value: [{ tag: 'train/loss', simpleValue: value }] } });
  writeFileSync(file, Buffer.concat([fileVersionRecord(1700000000), scalar(0, 1)]));
  const run = await runNamed(request, `live/${folder.slice(folder.lastIndexOf('/') + 1)}`);
  await page.goto(`/runs/${run.id}`);
  const loss = page.locator('.chart-card[data-family="loss"]');
  await expect(loss).toHaveAttribute('data-last-step', '0');
  appendFileSync(file, Buffer.concat([scalar(1, 0.5), scalar(2, 0.25)]));
  await expect(loss).toHaveAttribute('data-last-step', '2');
  await expect(loss).toHaveAttribute('data-points', '3');
});
