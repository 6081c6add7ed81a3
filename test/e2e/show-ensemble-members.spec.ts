import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { runScript } from '../helpers/run-trainer';
import { expect, test } from './fixtures';

test("an ensemble run's page lists its members against it, with weights and test metrics, and compares them", async ({ page, serverUrl }) => {
  const token = randomUUID().slice(0, 8);
  const members = ['a', 'b'].map((m) => new Run({ server: serverUrl, name: `member-${m}-${token}`, model: 'e2e-model', backend: 'e2e' }));
  const ensemble = new Run({
    server: serverUrl,
    name: `ensemble-${token}`,
    model: 'ensemble',
    backend: 'e2e',
    config: {
      members: members.map((m, i) => ({ runId: m.id, name: `member-${'ab'[i]}-${token}`, model: 'e2e-model', epoch: i + 1, checkpoint: `/ckpt/${i}`, weight: [0.75, 0.25][i] })),
      weights: 'optimize',
      testSamples: 100,
      validationSamples: 60,
      validationLogLoss: 0.41,
    },
  });
  try {
    ensemble.log({ 'test/acc': 0.9, 'test/loss': 0.3, [`member/${members[0].id}/test/acc`]: 0.86, [`member/${members[0].id}/test/loss`]: 0.35, [`member/${members[1].id}/test/acc`]: 0.8, [`member/${members[1].id}/test/loss`]: NaN }, 0);
    await Promise.all([...members, ensemble].map((run) => run.finish()));
    await page.goto(`/runs/${ensemble.id}`);
    const table = page.locator('[data-ensemble-members]');
    await expect(table).toContainText('weights tuned on the validation split, 100 test examples');
    await expect(table.locator('tr[data-member="ensemble"] td').nth(3)).toHaveText('0.9');
    await expect(table.locator(`tr[data-member="${members[0].id}"] td`).nth(2)).toHaveText('0.750');
    await expect(table.locator(`tr[data-member="${members[1].id}"] td`).nth(4)).toHaveText('NaN');
    await table.getByRole('link', { name: 'Compare with its members' }).click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?runs=${ensemble.id},${members[0].id},${members[1].id}`));
    await expect(page.locator('[data-legend-run]')).toHaveCount(3);
  } finally {
    [...members, ensemble].forEach((run) => run.close());
  }
});

test('"Ensemble these runs" on runs no trainer described is refused with the reason, on the page', async ({ page, serverUrl }) => {
  const token = randomUUID().slice(0, 8);
  const runs = ['x', 'y'].map((m) => new Run({ server: serverUrl, name: `script-${m}-${token}`, model: 'e2e-model', backend: 'e2e' }));
  try {
    await Promise.all(runs.map((run) => run.finish()));
    await page.goto(`/compare?runs=${runs.map((r) => r.id).join(',')}`);
    await page.getByRole('button', { name: 'Ensemble these runs (2)' }).click();
    const refusal = page.locator('.ensemble-error');
    await expect(refusal).toContainText('these runs cannot be combined');
    await expect(refusal).toContainText(`(script-x-${token}) has no training data description in its configuration`);
  } finally {
    runs.forEach((run) => run.close());
  }
});

test('"Ensemble these runs" on two trained runs shows the command\'s output and links to the ensemble run', async ({ page, serverUrl }) => {
  test.setTimeout(300_000);
  // Trained in the server's working directory (the checkout), as the command needs, with their
  // checkpoints outside it in a folder of this test's.
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-e2e-ensemble-'));
  const token = randomUUID().slice(0, 8);
  const ids = [`ens-a-${token}`, `ens-b-${token}`];
  try {
    for (const [i, id] of ids.entries()) {
      const flags = ['--model', 'mlp-sequential', '--run-id', id, '--epochs', '2', '--train-samples', '300', '--test-samples', '100', '--update-freq', 'epoch', '--learning-rate', ['0.01', '0.003'][i]];
      const { code, output } = await runScript('trainer/cli.ts', [...flags, '--checkpoint', '--save-best-only', '--checkpoint-path', join(dir, id), '--server', serverUrl]);
      expect(code, output).toBe(0);
    }
    await page.goto(`/compare?runs=${ids.join(',')}`);
    await page.getByRole('button', { name: 'Ensemble these runs (2)' }).click();
    const job = page.locator('.ensemble-job');
    await expect(job).toHaveAttribute('data-job-state', 'finished', { timeout: 180_000 });
    await expect(job.locator('.ensemble-log')).toContainText('backend: ');
    await job.getByRole('link', { name: 'open the ensemble run' }).click();
    const members = page.locator('[data-ensemble-members]');
    await expect(members.locator('tr[data-member]')).toHaveCount(3);
    for (const id of ids) await expect(members.locator(`tr[data-member="${id}"]`)).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
