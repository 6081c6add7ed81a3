import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAxes, displayValue, hparamKeys, metricKeys, MISSING_CATEGORY, valueOf, type HParamRun } from '../../lib/hparams/hparam-axes';

const run = (id: string, config: Record<string, unknown>, metrics: Record<string, number> = {}): HParamRun => ({ id, name: id, config, metrics });

test('a sweep space gives log axes for loguniform, categories in the choices order, linear axes for int', () => {
  const runs = [run('a', { learningRate: 0.001, batchSize: 64, convFilters: 20 }), run('b', { learningRate: 0.005, batchSize: 32, convFilters: 40 })];
  const axes = buildAxes(runs, {
    space: [
      { name: 'learningRate', kind: 'loguniform', low: 1e-4, high: 1e-2 },
      { name: 'batchSize', kind: 'choice', choices: [32, 64, 128] },
      { name: 'convFilters', kind: 'int', low: 16, high: 64, q: 1 },
    ],
    metrics: ['val_acc'],
  });
  assert.deepEqual(axes.map((a) => [a.key, a.source, a.type]), [
    ['learningRate', 'hparam', 'log'],
    ['batchSize', 'hparam', 'category'],
    ['convFilters', 'hparam', 'value'],
    ['val_acc', 'metric', 'value'],
  ]);
  assert.deepEqual(axes[1].type === 'category' && axes[1].categories, ['32', '64', '128']);
  assert.deepEqual(axes[0].type === 'log' && [axes[0].min, axes[0].max], [1e-4, 1e-2]);
  assert.equal(valueOf(runs[0], axes[1]), 1);
  assert.equal(valueOf(runs[1], axes[2]), 40);
});

test('without a space the differing config keys are the hyperparameters, typed by their values', () => {
  const runs = [
    run('a', { model: 'm', epochs: 3, learningRate: 0.0001, optimizer: 'adam', sweepTrial: 0, data: { source: 'x' } }, { loss: 0.5 }),
    run('b', { model: 'm', epochs: 5, learningRate: 0.01, optimizer: 'sgd', sweepTrial: 1, data: { source: 'y' } }, { loss: 0.4 }),
    run('c', { model: 'm', epochs: 4, learningRate: 0.001, sweepTrial: 2, data: { source: 'x' } }, { loss: NaN }),
  ];
  assert.deepEqual(hparamKeys(runs), ['epochs', 'learningRate', 'optimizer']);
  const axes = buildAxes(runs, { metrics: ['loss'] });
  assert.deepEqual(axes.map((a) => a.type), ['value', 'log', 'category', 'value']);
  const optimizer = axes[2];
  assert.deepEqual(optimizer.type === 'category' && optimizer.categories, [MISSING_CATEGORY, 'adam', 'sgd']);
  assert.equal(valueOf(runs[2], optimizer), 0);
  assert.equal(valueOf(runs[2], axes[3]), null, 'NaN is off a numeric axis');
  assert.equal(displayValue(runs[2], axes[3]), 'NaN', 'and shown as itself');
  assert.equal(displayValue(runs[0], axes[1]), '1.000e-4');
});

test('a mix of numbers and strings is categorical; a log axis drops values that are not positive', () => {
  const runs = [run('a', { units: 32 }), run('b', { units: 'auto' })];
  assert.equal(buildAxes(runs, { metrics: [] })[0].type, 'category');
  const logAxis = buildAxes([run('a', { lr: 0.001 }), run('b', { lr: 0.1 })], { metrics: [] })[0];
  assert.equal(logAxis.type, 'log');
  assert.equal(valueOf(run('c', { lr: 0 }), logAxis), null);
});

test('metric axes: epoch metrics and test metrics, not per-batch or per-layer series', () => {
  const runs = [
    run('a', {}, { 'epoch/loss': 1, 'epoch/val_acc': 0.5, 'test/acc': 0.4, 'batch/loss': 2, 'epoch/dense/kernel/norm': 3 }),
    run('b', {}, { acc: 0.3, 'layers/dense/mean': 0 }),
  ];
  assert.deepEqual(metricKeys(runs), ['acc', 'epoch/loss', 'epoch/val_acc', 'test/acc']);
});
