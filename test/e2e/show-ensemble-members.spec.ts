import { randomUUID } from 'node:crypto';
import { Run } from '../../lib/client/run';
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
