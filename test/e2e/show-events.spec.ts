import { expect, test } from './fixtures';

test('an event streamed through the real client is a marker on every chart and a list entry with its reason', async ({ page, startRun }) => {
  const run = startRun('events');
  for (let step = 1; step <= 10; step++) run.log({ 'batch/loss': 1 / step, 'batch/acc': step / 10 }, step);
  run.logEvent({ kind: 'checkpoint', reason: 'val_loss improved from inf to 0.4100, saved logs/checkpoints/e2e/best', data: { current: 0.41 } }, 4);
  expect(await run.drained(15_000)).toBe(true);

  await page.goto(`/runs/${run.id}`);
  const charts = page.locator('.chart-card');
  await expect(charts).toHaveCount(2);
  for (const chart of await charts.all()) await expect(chart).toHaveAttribute('data-event-steps', '4');
  const list = page.getByTestId('events');
  await expect(list.locator('.event-item[data-kind="checkpoint"][data-step="4"]')).toContainText('val_loss improved from inf to 0.4100, saved logs/checkpoints/e2e/best');

  // Pushed live, not fetched: the page is not reloaded. The reason is user input, so markup in it stays text.
  const reason = '<img src=x onerror="window.__xss = 1">val_loss did not improve: lr 0.001 → 0.0001';
  run.logEvent({ kind: 'reduce_lr', reason, data: { oldLr: 0.001, newLr: 0.0001 } }, 7);
  for (const chart of await charts.all()) await expect(chart).toHaveAttribute('data-event-steps', '4 7');
  await expect(list.locator('.event-item[data-kind="reduce_lr"][data-step="7"] .event-reason')).toHaveText(reason);
  await expect(list.locator('.event-item')).toHaveCount(2);

  // Hovering the marker shows the reason in the chart's tooltip, escaped.
  const chart = page.locator('.chart-card[data-family="loss"]');
  const x = Number((await chart.getAttribute('data-event-x'))!.split(' ')[1]);
  const canvas = (await chart.locator('.chart-canvas').boundingBox())!;
  await page.mouse.move(canvas.x + x, canvas.y + canvas.height / 3);
  const tooltip = chart.locator('.event-tt-reason');
  await expect(tooltip).toHaveText(reason);
  await expect(chart.locator('.event-tt-kind')).toHaveText('learning rate');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(chart.locator('.chart-canvas img')).toHaveCount(0);
});

test('GET /api/runs/{id}/events serves the events in step order, filters by kind, and answers bad requests with 404/422', async ({ request, startRun }) => {
  const run = startRun('events-api');
  run.logEvent({ kind: 'early_stopping', reason: 'stopped', data: { patience: 2, best: Infinity } }, 9);
  run.logEvent({ kind: 'checkpoint', reason: 'saved', data: { path: 'logs/checkpoints/x' } }, 3);
  expect(await run.drained(15_000)).toBe(true);

  const all = await request.get(`/api/runs/${run.id}/events`);
  expect(all.status()).toBe(200);
  const body = await all.json();
  expect(body.runId).toBe(run.id);
  expect(body.events.map((e: { step: number; kind: string }) => [e.step, e.kind])).toEqual([[3, 'checkpoint'], [9, 'early_stopping']]);
  expect(body.events[1].data).toEqual({ patience: 2, best: 'Infinity' });

  const checkpoints = await (await request.get(`/api/runs/${run.id}/events?kind=checkpoint`)).json();
  expect(checkpoints.events.map((e: { reason: string }) => e.reason)).toEqual(['saved']);

  const missing = await request.get('/api/runs/no-such-run/events');
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toEqual({ code: 'not_found', message: 'run "no-such-run" not found' });
  const bad = await request.get(`/api/runs/${run.id}/events?kind=${encodeURIComponent('<b>')}`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toMatch(/^kind: event kind must be/);
});
