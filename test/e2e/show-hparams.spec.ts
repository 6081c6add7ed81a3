import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { Run } from '../../lib/client/run';
import type { SweepTrial } from '../../lib/kinds/sweep/meta';
import { expect, test } from './fixtures';

const SPACE = [
  { name: 'learningRate', kind: 'loguniform' as const, low: 1e-4, high: 1e-1 },
  { name: 'batchSize', kind: 'choice' as const, choices: [32, 64, 128] },
];

/** [learningRate, batchSize, val_acc, test/acc]: trial 2 is best on validation, trial 1 on test. */
const TRIALS: [number, number, number, number][] = [
  [0.0003, 32, 0.71, 0.70],
  [0.002, 64, 0.84, 0.83],
  [0.02, 128, 0.88, 0.79],
  [0.05, 32, 0.62, 0.6],
];

/** A trial as the sweep runner trains it: a run with its params in its config, ending with test metrics. */
async function trainTrial(serverUrl: string, sweep: Run, i: number): Promise<SweepTrial> {
  const [learningRate, batchSize, valAcc, testAcc] = TRIALS[i];
  const run = new Run({ server: serverUrl, name: `${sweep.id} trial ${i}`, model: 'e2e-model', backend: 'e2e', config: { sweepId: sweep.id, sweepTrial: i, learningRate, batchSize, epochs: 2 } });
  // Tagged as the trainer tags them: Keras' epoch logs under epoch/, the test set's under test/.
  run.log({ 'epoch/val_acc': valAcc - 0.05, 'epoch/acc': 0.6 }, 0);
  run.log({ 'epoch/val_acc': valAcc, 'epoch/acc': 0.7, 'test/acc': testAcc }, 1);
  await run.finish();
  return { trial: i, runId: run.id, params: { learningRate, batchSize }, state: 'finished', value: valAcc, curve: [valAcc - 0.05, valAcc], reason: null, startedAt: Date.now(), finishedAt: Date.now() };
}

/** The parallel coordinates' ECharts instance, as a script on the page reaches it. */
const drawnLines = (page: Page) =>
  page.locator('[data-parallel-chart]').evaluate((el) => {
    const chart = (el as unknown as { hparamsChart: { getOption(): { series: { data: unknown[] }[] } } }).hparamsChart;
    return chart.getOption().series[0].data.length;
  });

/** The axes the chart itself holds intervals on (ECharts' model, as its own brushing sets it). */
const brushedAxes = (page: Page) =>
  page.locator('[data-parallel-chart]').evaluate((el) => {
    type Axis = { id: string; activeIntervals: unknown[] };
    const chart = (el as unknown as { hparamsChart: { getModel(): { findComponents(q: object): Axis[] } } }).hparamsChart;
    return chart.getModel().findComponents({ mainType: 'parallelAxis' }).filter((axis) => axis.activeIntervals.length > 0).map((axis) => axis.id);
  });

const tableRuns = (page: Page) => page.locator('[data-hparams-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-id')));

test('a sweep page draws every trial live, brushing an axis filters the table, and selected trials open in the comparison', async ({ page, serverUrl }) => {
  const name = `sweep-${randomUUID().slice(0, 8)}`;
  const sweep = new Run({ server: serverUrl, name, model: 'sweep', backend: 'e2e' });
  try {
    sweep.logSweep({ name, model: 'e2e-model', method: 'tpe', metric: 'val_acc', goal: 'max', seed: 1, maxTrials: 4, space: SPACE, gridPoints: 5, medianStopping: false, parallel: 1, args: ['--epochs', '2'] });
    const trials = [await trainTrial(serverUrl, sweep, 0), await trainTrial(serverUrl, sweep, 1), await trainTrial(serverUrl, sweep, 2)];
    sweep.logSweepTrials(trials);

    await page.goto('/sweeps');
    await page.locator(`[data-sweep-id="${sweep.id}"] a`).click();
    await expect(page).toHaveURL(new RegExp(`/sweeps/${sweep.id}$`));
    await expect(page.locator('[data-trial-count]')).toHaveAttribute('data-trial-count', '3');
    await expect.poll(() => drawnLines(page)).toBe(3);
    await expect(page.locator('[data-hparams-table] tr[data-best]')).toHaveAttribute('data-run-id', trials[2].runId);
    // The validation winner is only second on test: the page says the search fitted the validation split.
    await expect(page.locator('[data-validation-gap] tr[data-trial="2"] td').last()).toHaveText('#2');
    await expect(page.locator('[data-validation-gap]')).toContainText('has fitted the validation split');

    // A trial ends while the page is open: its line and its row arrive by push.
    const fourth = await trainTrial(serverUrl, sweep, 3);
    sweep.logSweepTrials([fourth]);
    await expect.poll(() => drawnLines(page)).toBe(4);
    await expect.poll(() => tableRuns(page)).toEqual([trials[2].runId, trials[1].runId, trials[0].runId, fourth.runId]);

    // Brush the learning-rate axis around 0.001–0.03, as a drag along it would.
    await page.locator('[data-parallel-chart]').evaluate((el) => {
      const chart = (el as unknown as { hparamsChart: { dispatchAction(action: object): void } }).hparamsChart;
      chart.dispatchAction({ type: 'axisAreaSelect', parallelAxisId: 'learningRate', intervals: [[0.001, 0.03]] });
    });
    await expect.poll(() => tableRuns(page)).toEqual([trials[2].runId, trials[1].runId]);
    await expect(page.locator('[data-kept-runs]')).toHaveAttribute('data-kept-runs', '2');
    // A trial's report arrives while brushed: the chart redraws and keeps the brush.
    sweep.logSweepTrials([{ ...fourth, reason: 'reported again' }]);
    await expect.poll(() => brushedAxes(page)).toEqual(['learningRate']);
    await expect.poll(() => tableRuns(page)).toEqual([trials[2].runId, trials[1].runId]);
    // A categorical axis brushes by category: batch size 64 alone (index 1) leaves trial 1.
    await page.locator('[data-parallel-chart]').evaluate((el) => {
      const chart = (el as unknown as { hparamsChart: { dispatchAction(action: object): void } }).hparamsChart;
      chart.dispatchAction({ type: 'axisAreaSelect', parallelAxisId: 'batchSize', intervals: [[1, 1]] });
    });
    await expect.poll(() => tableRuns(page)).toEqual([trials[1].runId]);
    await page.getByRole('button', { name: 'Clear brush' }).click();
    await expect.poll(() => tableRuns(page)).toHaveLength(4);
    await expect.poll(() => brushedAxes(page), 'the chart lets go of its brushes too').toEqual([]);

    await page.locator(`[data-hparams-table] tr[data-run-id="${trials[0].runId}"] input[type=checkbox]`).check();
    await page.locator(`[data-hparams-table] tr[data-run-id="${trials[2].runId}"] input[type=checkbox]`).check();
    await page.locator('[data-compare-selected]').click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?runs=${trials[0].runId},${trials[2].runId}`));
    await expect(page.locator('[data-legend-run]')).toHaveCount(2);
    await expect(page.locator(`[data-legend-run="${trials[2].runId}"]`)).toBeVisible();
  } finally {
    sweep.close();
  }
});

test('the compare page shows any runs in the HParams view, their configs as hyperparameters', async ({ page, serverUrl }) => {
  const token = `hp${randomUUID().slice(0, 6)}`;
  const runs = [0.1, 0.01, 0.001].map((lr, i) => new Run({ server: serverUrl, name: `${token} lr=${lr}`, model: 'e2e-model', backend: 'e2e', config: { lr, optimizer: i === 1 ? 'sgd' : 'adam' } }));
  try {
    runs.forEach((run, i) => run.log({ 'epoch/loss': 0.5 + i / 10, 'epoch/val_loss': 0.6 + i / 10, 'batch/loss': 1 }, 0));
    await Promise.all(runs.map((run) => run.finish()));
    await page.goto(`/compare?runs=${runs.map((r) => r.id).join(',')}`);
    await page.getByRole('button', { name: 'HParams' }).click();
    await expect(page).toHaveURL(/view=hparams/);
    await expect.poll(() => drawnLines(page)).toBe(3);
    await expect(page.locator('[data-scatter]')).toHaveCount(2);
    await expect(page.locator('[data-hparams-table] tr[data-best]')).toHaveAttribute('data-run-id', runs[0].id);
    await page.locator('[data-parallel-chart]').evaluate((el) => {
      const chart = (el as unknown as { hparamsChart: { dispatchAction(action: object): void } }).hparamsChart;
      chart.dispatchAction({ type: 'axisAreaSelect', parallelAxisId: 'optimizer', intervals: [[1, 1]] });
    });
    await expect.poll(() => tableRuns(page)).toEqual([runs[1].id]);
  } finally {
    runs.forEach((run) => run.close());
  }
});
