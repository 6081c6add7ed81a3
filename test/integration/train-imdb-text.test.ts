import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainIntoApp } from '../helpers/train-into-app';

/** The rows of the table under `heading`: [p(positive), label, review]. */
function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split('#### ').find((s) => s.startsWith(heading));
  assert.ok(section, `a section "${heading}"`);
  return section
    .split('\n')
    .filter((line) => /^\| \d/.test(line))
    .map((line) => line.slice(2, -2).split(' | '));
}

test('--text-freq 1: a real IMDB run logs the validation reviews it reads most confidently wrong and right, every epoch', { timeout: 600_000 }, async (t) => {
  const app = await trainIntoApp(t, ['--model', 'imdb-conv1d', '--epochs', '2', '--train-samples', '256', '--max-len', '64',
    '--batch-size', '32', '--text-freq', '1', '--run-name', 'imdb-text']);
  const [run] = app.store.listRuns();
  assert.equal(run.status, 'finished');
  // 256 reviews, 20% held out: 52 validation reviews, 7 batches of 32 per epoch.
  assert.deepEqual(app.read.text.tags(run.id), [{ tag: 'misclassified', steps: [7, 14] }]);
  const valAcc = app.read.scalar.series(run.id, 'epoch/val_acc', 10).points;
  for (const [epoch, { step, text }] of app.read.text.series(run.id, 'misclassified').steps.entries()) {
    const summary = new RegExp(`^\\*\\*Epoch ${epoch + 1}\\*\\*: (\\d+) of 52 validation reviews read right \\(\\d+\\.\\d%\\)\\.`).exec(text);
    assert.ok(summary, text.slice(0, 200));
    assert.equal(valAcc[epoch][0], step);
    assert.ok(Math.abs(Number(summary[1]) / 52 - valAcc[epoch][2]) < 1.5 / 52, `right ${summary[1]}/52 is the epoch's val_acc ${valAcc[epoch][2]}`);
    const falsePositives = tableRows(text, 'Most confidently wrong: negative reviews read as positive');
    const falseNegatives = tableRows(text, 'Most confidently wrong: positive reviews read as negative');
    const right = tableRows(text, 'Most confidently right');
    assert.ok(falsePositives.length + falseNegatives.length > 0 && falsePositives.length <= 5 && falseNegatives.length <= 5);
    assert.equal(right.length, 5);
    for (const [p, label] of falsePositives) assert.ok(Number(p) > 0.5 && label === 'negative', `${p} ${label}`);
    for (const [p, label] of falseNegatives) assert.ok(Number(p) <= 0.5 && label === 'positive', `${p} ${label}`);
    const ps = falsePositives.map(([p]) => Number(p));
    assert.deepEqual(ps, [...ps].sort((a, b) => b - a), 'the surest mistake first');
    for (const [, , review] of [...falsePositives, ...falseNegatives, ...right]) assert.match(review, /^(… )?[\p{L}\p{N}'<>&;#… ]+/u);
  }
});
