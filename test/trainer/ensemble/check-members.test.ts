import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestCheckpoint } from '../../../trainer/ensemble/read-member';
import { incompatibilities, type MemberRun, type TaskConfig } from '../../../lib/ensemble/task';

const imdb: TaskConfig = {
  seed: 1337, validationSplit: 0.2, maxLen: 500, maxFeatures: 2000,
  data: { dataset: 'IMDB Large Movie Review Dataset (aclImdb v1)', trainSamples: 1000, distinctWords: 74000 },
};
const run = (id: string, config: TaskConfig): MemberRun => ({ id, name: `run ${id}`, config });

test('runs of one task combine, whatever their architecture; each run that differs is named with why', () => {
  assert.deepEqual(incompatibilities([run('a', imdb), run('b', { ...imdb }), run('c', { ...imdb })]), []);
  const problems = incompatibilities([
    run('a', imdb),
    run('b', { ...imdb, maxLen: 300 }),
    run('c', { ...imdb, maxFeatures: 5000, seed: 1 }),
    run('d', { ...imdb, data: { ...imdb.data, task: 'cloze: the missing word' } }),
    run('e', { ...imdb, validationSplit: 0.1, data: { ...imdb.data, trainSamples: 2000 } }),
  ]);
  assert.deepEqual(problems, [
    'run b (run b) cannot join run a (run a): max-len 300, not 500: its reviews are cut to another length, so its inputs differ',
    'run c (run c) cannot join run a (run a): max-features 5000, not 2000: its vocabulary has another size, so its word ids differ',
    'run c (run c) cannot join run a (run a): seed 1, not 1337: another seed draws other training, validation and test examples',
    'run d (run d) cannot join run a (run a): task "cloze: the missing word", not "the dataset\'s own labels": it learned another task',
    'run e (run e) cannot join run a (run a): training samples 2000, not 1000: another training subset holds out other validation examples',
    'run e (run e) cannot join run a (run a): validation-split 0.1, not 0.2: it held out another validation split',
  ]);
});

test('the vocabulary matters for text only, and other data keeps runs apart', () => {
  const blobs: TaskConfig = { seed: 1337, validationSplit: 0.2, maxLen: 500, maxFeatures: 2000, data: { dataset: 'generated: 10 Gaussian blobs', trainSamples: 4000 } };
  assert.deepEqual(incompatibilities([run('a', blobs), run('b', { ...blobs, maxLen: 100 })]), [], 'an MLP ignores --max-len');
  assert.match(incompatibilities([run('a', imdb), run('b', blobs)])[0], /^run b \(run b\) cannot join run a \(run a\): data "generated: 10 Gaussian blobs", not "IMDB/);
});

test('the best checkpoint: the last save of save_best_only, else the best epoch for the monitor and mode', () => {
  const event = (epoch: number, current: number | string | null, monitor = 'val_loss') => ({ data: { path: `ck/epoch-${epoch}`, epoch, monitor, current } });
  const events = [event(1, 0.5), event(2, 0.3), event(3, 'NaN'), event(4, 0.4)];
  assert.equal(bestCheckpoint(events, { saveBestOnly: true })?.data.epoch, 4);
  assert.equal(bestCheckpoint(events, {})?.data.epoch, 2, 'val_loss: lowest; NaN never best');
  assert.equal(bestCheckpoint([event(1, 0.7, 'val_acc'), event(2, 0.9, 'val_acc'), event(3, 0.8, 'val_acc')], {})?.data.epoch, 2, 'val_acc: highest');
  assert.equal(bestCheckpoint([event(1, 0.7), event(2, 0.9)], { mode: 'max' })?.data.epoch, 2, 'the run\'s --mode decides');
  assert.equal(bestCheckpoint([event(1, null), event(2, null)], {})?.data.epoch, 2, 'without values, the latest');
  assert.equal(bestCheckpoint([], {}), null);
});
