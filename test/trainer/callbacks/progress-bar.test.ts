import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bar, formatDuration, formatMetric, ProgressBar } from '../../../trainer/callbacks/progress-bar';

test('the bar is drawn like Keras draws it', () => {
  assert.equal(bar(0, 10), `[${'.'.repeat(30)}]`);
  assert.equal(bar(5, 10), `[${'='.repeat(14)}>${'.'.repeat(15)}]`);
  assert.equal(bar(10, 10), `[${'='.repeat(30)}]`);
});

test('metrics and durations are formatted like Keras', () => {
  assert.equal(formatMetric(0.693147), '0.6931');
  assert.equal(formatMetric(0.0000123), '1.2300e-5');
  assert.equal(formatMetric(NaN), 'nan');
  assert.equal(formatMetric(-Infinity), '-inf');
  assert.equal(formatDuration(42), '42s');
  assert.equal(formatDuration(83), '1:23');
  assert.equal(formatDuration(3725), '1:02:05');
});

test('an epoch prints a header, progress and a summary with validation metrics', async () => {
  let out = '';
  let now = 0;
  const stream = { isTTY: false, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  const progress = new ProgressBar({ stream, plainIntervalMs: 1000, nowFunc: () => now });
  progress.setParams({ epochs: 2, samples: 40, batchSize: 10 });
  await progress.onEpochBegin(0);
  for (let b = 0; b < 4; b++) {
    now += 600;
    await progress.onBatchEnd(b, { loss: 1 - b * 0.1, acc: 0.5 });
  }
  await progress.onEpochEnd(0, { val_loss: 0.9, val_acc: 0.45, loss: 0.85, acc: 0.5 });
  const lines = out.trim().split('\n');
  assert.equal(lines[0], 'Epoch 1/2');
  assert.match(lines[1], /^2\/4 \[={14}>\.{15}\] - ETA: 1s - loss: 0\.9500 - acc: 0\.5000$/);
  assert.match(lines[lines.length - 1], /^4\/4 \[={30}\] - 2s 600ms\/step - loss: 0\.8500 - acc: 0\.5000 - val_loss: 0\.9000 - val_acc: 0\.4500$/);
});
