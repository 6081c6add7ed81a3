import { readFileSync } from 'node:fs';
import { computeHistogram } from '../../lib/kinds/histogram/compute-histogram';
import type { ModelGraph } from '../../lib/kinds/graph/meta';
import { extractGraph } from '../../trainer/graph/extract-graph';
import { buildInception } from '../../trainer/models/inception';
import { buildSharedVision } from '../../trainer/models/shared-vision';
import { expect, test } from './fixtures';

const BRANCH_ENDS = ['branch_a_1x1', 'branch_b_3x3', 'branch_c_3x3', 'branch_d_3x3_1'];

/** Values whose sum of squares is `scale²·n`, so the expected norm is easy to state. */
const constant = (scale: number, n = 100) => computeHistogram(Array<number>(n).fill(scale));

test('the inception graph renders all four branches into one concatenate, and exports', async ({ page, request, startRun }) => {
  const run = startRun('graph-inception');
  const graph = extractGraph(buildInception({ imageSize: 16, classes: 3 }));
  run.logGraph(graph);
  expect(await run.drained(15_000)).toBe(true);

  const api = await request.get(`/api/runs/${run.id}/graph`);
  expect(api.status()).toBe(200);
  expect(((await api.json()) as ModelGraph).nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
  const missing = await request.get('/api/runs/no-such-run/graph');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'run "no-such-run" not found' } });
  const malformed = await request.get(`/api/runs/${encodeURIComponent('no such run!')}/graph`);
  expect(malformed.status()).toBe(422);
  expect(await malformed.json()).toEqual({ error: { code: 'unprocessable', message: 'id: run id must be 1-64 letters, digits, "_" or "-"' } });

  await page.goto(`/runs/${run.id}/graph`);
  const svg = page.locator('svg.graph-svg');
  await expect(svg.locator('g.graph-node')).toHaveCount(graph.nodes.length);
  await expect(svg.locator('path.graph-edge')).toHaveCount(graph.edges.length);
  await expect(svg.locator('path.graph-edge[data-target="inception_concat"]')).toHaveCount(4);
  for (const branch of BRANCH_ENDS) {
    await expect(svg.locator(`path.graph-edge[data-source="${branch}"][data-target="inception_concat"]`)).toHaveCount(1);
  }
  await expect(svg.locator('path.graph-edge[data-source="stem"]')).toHaveCount(4);
  const concat = svg.locator('g.graph-node[data-node="inception_concat"]');
  await expect(concat).toContainText('Concatenate');
  await expect(concat).toContainText('out: (None, 8, 8, 32)');
  await expect(svg.locator('g.graph-node[data-node="stem"]')).toContainText('params: 224');

  // The four branch ends are drawn side by side, all above the concatenate.
  const boxes = await Promise.all(BRANCH_ENDS.map((b) => svg.locator(`g.graph-node[data-node="${b}"]`).boundingBox()));
  const concatBox = (await concat.boundingBox())!;
  expect(new Set(boxes.map((b) => Math.round(b!.x))).size).toBe(4);
  for (const box of boxes) expect(box!.y + box!.height).toBeLessThan(concatBox.y);

  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
  expect(svgFile.suggestedFilename()).toMatch(/-graph\.svg$/);
  const markup = readFileSync((await svgFile.path())!, 'utf8');
  expect(markup).toContain('<svg');
  expect(markup).toContain('inception_concat');
  expect(markup).toContain('.graph-edge {');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
  expect(pngFile.suggestedFilename()).toMatch(/-graph\.png$/);
  const png = readFileSync((await pngFile.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(5_000);
});

test('a nested model opens and closes on click; a shared model is one node with two call sites', async ({ page, startRun }) => {
  const run = startRun('graph-nested');
  const graph = extractGraph(buildSharedVision({ imageSize: 16 }));
  run.logGraph(graph);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}/graph`);
  const svg = page.locator('svg.graph-svg');
  const base = svg.locator('g.graph-node[data-node="vision_base"]');
  await expect(svg.locator('g.graph-node')).toHaveCount(graph.nodes.length);
  await expect(base).toHaveAttribute('data-call-sites', '2');
  await expect(base).toContainText('×2 call sites');
  await expect(svg.locator('path.graph-edge[data-target="vision_base"]')).toHaveCount(2);
  await expect(svg.locator('text.graph-edge-label')).toHaveText(['call 1', 'call 2', 'call 1', 'call 2']);

  await base.click();
  await expect(base).toHaveAttribute('aria-expanded', 'true');
  const inner = svg.locator('[data-inner-of="vision_base"]');
  await expect(inner.locator('g.graph-node')).toHaveCount(5);
  await expect(inner.locator('path.graph-edge')).toHaveCount(4);
  await expect(inner.locator('g.graph-node[data-node="base_conv2d_1"]')).toContainText('Conv2D');

  await base.locator('text.graph-toggle').click();
  await expect(base).toHaveAttribute('aria-expanded', 'false');
  await expect(inner).toHaveCount(0);
});

test('layer nodes show live weight norms and activation stats from the histogram stream', async ({ page, startRun }) => {
  const run = startRun('graph-live');
  run.logGraph(extractGraph(buildInception({ imageSize: 16, classes: 3 })));
  run.logHistograms({ 'weights/stem/kernel': constant(0.3), 'weights/stem/bias': constant(0.4), 'activations/stem': computeHistogram([1, 3]) }, 1);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}/graph`);
  const stem = page.locator('svg.graph-svg g.graph-node[data-node="stem"]');
  await expect(stem.locator('.graph-stats')).toHaveAttribute('data-step', '1');
  await expect(stem).toContainText('‖W‖ 5');
  await expect(stem).toContainText('act μ 2 σ 1');
  await expect(page.getByTestId('graph-legend')).toContainText('step 1');

  // Pushed, not polled: the page is not reloaded. Norm 5 → 6 is a 20 % jump.
  run.logHistograms({ 'weights/stem/kernel': constant(0.36), 'weights/stem/bias': constant(0.48) }, 2);
  await expect(stem.locator('.graph-stats')).toHaveAttribute('data-step', '2');
  await expect(stem).toContainText('‖W‖ 6 (+20%)');
  await expect(stem).toHaveAttribute('data-band', 'jumping');
  await expect(page.getByTestId('graph-legend')).toContainText('step 2');
});

test('a graph sent after the page opened appears; layer names are shown as text, never as markup', async ({ page, startRun }) => {
  const run = startRun('graph-late');
  run.log({ 'batch/loss': 1 }, 1);
  expect(await run.drained(15_000)).toBe(true);
  await page.goto(`/runs/${run.id}/graph`);
  await expect(page.getByTestId('no-graph')).toBeVisible();

  const name = '<img src=x onerror="window.__pwned=1">';
  const shape = [[[null, 2]]];
  run.logGraph({
    name: 'hostile',
    className: 'Model',
    nodes: [
      { id: 'in', className: 'InputLayer', name: 'in', callSites: 1, inputShapes: shape, outputShapes: shape, params: 0, input: 0 },
      { id: name, className: 'Dense', name, callSites: 1, inputShapes: shape, outputShapes: shape, params: 6 },
    ],
    edges: [{ source: 'in', sourceCallSite: 0, sourceTensor: 0, target: name, targetCallSite: 0, targetInput: 0 }],
    outputs: [{ node: name, callSite: 0, tensor: 0 }],
  });
  run.log({ 'batch/loss': 0.9 }, 2);
  const svg = page.locator('svg.graph-svg');
  await expect(svg.locator('g.graph-node')).toHaveCount(2);
  await expect(svg.locator('g.graph-node').nth(1)).toContainText(name);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
