import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { train } from '../../../trainer/train';
import { multiOutput } from '../../../trainer/zoo/multi-output';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';
import { tinyRunFlags } from './zoo-flags';

const HEADS = ['age', 'income', 'gender'];
const HEAD_METRICS = ['age_mse', 'income_ce', 'income_acc', 'gender_ce', 'gender_acc'];

test('multi-output streams each head\'s loss and metrics and the weighted total, per batch, per epoch, on validation and test', { timeout: 120_000 }, async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'multi.db'));
  t.after(() => server.close());
  const result = await train(tinyRunFlags('multi-output', server.url, ['--epochs', '2']), multiOutput, () => undefined);
  assert.deepEqual(result.delivery, { delivered: true, refused: [], unconfirmed: 0 });

  const tags = server.app.tables.scalar.listTags(result.runId).map((s) => s.tag);
  const metrics = ['loss', ...HEADS.map((h) => `${h}_loss`), ...HEAD_METRICS];
  const expected = [...metrics.map((m) => `batch/${m}`), ...metrics.flatMap((m) => [`epoch/${m}`, `epoch/val_${m}`]), ...metrics.map((m) => `test/${m}`)];
  for (const tag of expected) assert.ok(tags.includes(tag), `${tag} in ${tags}`);

  const series = (tag: string) => server.app.read.scalar.series(result.runId, tag, 100).points.map(([, , value]) => value);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
  for (const scope of ['batch/', 'epoch/', 'epoch/val_', 'test/']) {
    const [total, age, income, gender, ageMse, incomeCe, genderCe] = ['loss', 'age_loss', 'income_loss', 'gender_loss', 'age_mse', 'income_ce', 'gender_ce'].map((m) => series(scope + m));
    assert.equal(total.length, scope === 'batch/' ? 4 : scope === 'test/' ? 1 : 2);
    total.forEach((value, i) => {
      assert.ok(close(value, age[i] + income[i] + gender[i]), `${scope}loss ${value} = Σ head losses ${age[i]} + ${income[i]} + ${gender[i]}`);
      assert.ok(close(age[i], 0.25 * ageMse[i]), `${scope}age_loss ${age[i]} = 0.25 × mse ${ageMse[i]}`);
      assert.ok(close(income[i], incomeCe[i]), `${scope}income_loss ${income[i]} = 1 × ce ${incomeCe[i]}`);
      assert.ok(close(gender[i], 10 * genderCe[i]), `${scope}gender_loss ${gender[i]} = 10 × ce ${genderCe[i]}`);
    });
  }
  const run = server.app.store.getRun(result.runId)!;
  assert.deepEqual((run.config as { data: { lossWeights: unknown } }).data.lossWeights, { age: 0.25, income: 1, gender: 10 });
});
