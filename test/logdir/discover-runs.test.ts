import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { discoverRuns } from '../../lib/logdir/discover-runs';
import { eventFileName, fileVersionRecord } from '../../lib/logdir/event-writer';
import { kerasTag } from '../../lib/logdir/keras-tags';
import { nameLogdirs, parseLogdirSpec } from '../../lib/logdir/logdir-spec';
import type { LogdirRecord } from '../../lib/logdir/records';
import { chartFamily } from '../../lib/kinds/scalar/meta';
import { tempDir } from '../helpers/temp-dir';
import { TFEVENTS } from './samples';

test('--logdir takes a folder or a name:folder pair, as TensorBoard does', () => {
  assert.deepEqual(parseLogdirSpec('runs', '/home/me'), { name: null, dir: '/home/me/runs' });
  assert.deepEqual(parseLogdirSpec('keras:/data/logs', '/x'), { name: 'keras', dir: '/data/logs' });
  assert.deepEqual(parseLogdirSpec('/data/a:b', '/x'), { name: null, dir: '/data/a:b' }, 'a colon inside a path');
  assert.deepEqual(parseLogdirSpec('C:\\logs', '/x').name, null, 'a drive letter');
  assert.deepEqual(parseLogdirSpec('gs://bucket/logs', '/x').name, null, 'a URL');
  assert.deepEqual(
    nameLogdirs([parseLogdirSpec('/a/runs'), parseLogdirSpec('/b/runs'), parseLogdirSpec('runs:/c')]).map((s) => s.name),
    ['runs-2', 'runs-3', 'runs'],
    'several unnamed logdirs are named after their folders, never colliding',
  );
});

test('every folder with event files in the samples is a run named by its path; a Keras fit is one run', async () => {
  const runs = await discoverRuns({ name: null, dir: TFEVENTS });
  const layout = runs.map((r) => [r.name, r.sources.map((s) => [relative(TFEVENTS, s.folder) || '.', s.role, s.files.length])]);
  assert.deepEqual(layout, [
    ['keras/20230302-211243', [['keras/20230302-211243', 'plain', 1], ['keras/20230302-211243/train', 'train', 1]]],
    ['keras/20230302-212259', [['keras/20230302-212259', 'plain', 1], ['keras/20230302-212259/train', 'train', 1]]],
    ['pytorch/experiment_lr_0.001', [['pytorch/experiment_lr_0.001', 'plain', 1]]],
    ['pytorch/graph_experiment', [['pytorch/graph_experiment', 'plain', 1]]],
    ['pytorch/histogram_experiment', [['pytorch/histogram_experiment', 'plain', 1]]],
    ['pytorch/hparams_search_exp_1', [['pytorch/hparams_search_exp_1', 'plain', 1]]],
    ['pytorch/hparams_search_exp_1/1771595857.3236299', [['pytorch/hparams_search_exp_1/1771595857.3236299', 'plain', 1]]],
    ['pytorch/hparams_search_exp_2', [['pytorch/hparams_search_exp_2', 'plain', 1]]],
    ['pytorch/hparams_search_exp_2/1771595857.3322473', [['pytorch/hparams_search_exp_2/1771595857.3322473', 'plain', 1]]],
    ['pytorch/hparams_search_exp_3', [['pytorch/hparams_search_exp_3', 'plain', 1]]],
    ['pytorch/hparams_search_exp_3/1771595857.339544', [['pytorch/hparams_search_exp_3/1771595857.339544', 'plain', 1]]],
    ['pytorch/image_experiment', [['pytorch/image_experiment', 'plain', 1]]],
    ['pytorch/my_first_experiment', [['pytorch/my_first_experiment', 'plain', 2]]],
    ['pytorch/pr_curve_experiment', [['pytorch/pr_curve_experiment', 'plain', 2]]],
    ['pytorch/runs_2026_03_04/demo_01_scalar', [['pytorch/runs_2026_03_04/demo_01_scalar', 'plain', 1]]],
    ['pytorch/runs_2026_03_04/demo_02_scalar', [['pytorch/runs_2026_03_04/demo_02_scalar', 'plain', 1]]],
    ...['duplicate_steps', 'lax'].flatMap((d) =>
      ['run_1', 'run_2', 'run_3'].map((r) => [`pytorch/tensorboard-reducer/${d}/${r}`, [[`pytorch/tensorboard-reducer/${d}/${r}`, 'plain', 1]]]),
    ),
  ]);
  const twoFiles = runs.find((r) => r.name === 'pytorch/my_first_experiment');
  assert.deepEqual(
    twoFiles?.sources[0].files.map((f) => f.slice(f.lastIndexOf('/') + 1)),
    ['events.out.tfevents.1771594466.zyzkings.21024.0', 'events.out.tfevents.1771596596.zyzkings.7880.0'],
    'in file-name order',
  );
  const named = await discoverRuns({ name: 'tb', dir: join(TFEVENTS, 'keras') });
  assert.deepEqual(named.map((r) => r.name), ['tb/20230302-211243', 'tb/20230302-212259']);
  const root = await discoverRuns({ name: null, dir: join(TFEVENTS, 'pytorch/my_first_experiment') });
  assert.deepEqual(root.map((r) => r.name), ['.'], 'the logdir itself is the run ".", as TensorBoard names it');
});

test('train/ and validation/ of a written Keras fit are one run; other folders are not merged', async (t) => {
  const dir = tempDir(t, 'tensorlens-logdir-');
  for (const folder of ['fit/train', 'fit/validation', 'fit/validation/extra', 'other']) {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, eventFileName(1700000000, '.1.v2')), fileVersionRecord(1700000000));
  }
  writeFileSync(join(dir, 'other', 'notes.txt'), 'not an event file');
  const runs = await discoverRuns({ name: null, dir });
  assert.deepEqual(
    runs.map((r) => [r.name, relative(dir, r.folder), r.sources.map((s) => [relative(dir, s.folder), s.role])]),
    [
      ['fit', 'fit', [['fit/train', 'train'], ['fit/validation', 'validation']]],
      ['fit/validation/extra', 'fit/validation/extra', [['fit/validation/extra', 'plain']]],
      ['other', 'other', [['other', 'plain']]],
    ],
  );
  assert.deepEqual(await discoverRuns({ name: null, dir: join(dir, 'missing') }), [], 'a logdir not there yet has no runs');
});

test('Keras tags land on the charts Keras users expect: loss with val_loss', () => {
  const cases: [string, 'train' | 'validation' | 'plain', LogdirRecord['kind'], string][] = [
    ['epoch_loss', 'train', 'scalar', 'epoch/loss'],
    ['epoch_loss', 'validation', 'scalar', 'epoch/val_loss'],
    ['epoch_accuracy', 'validation', 'scalar', 'epoch/val_accuracy'],
    ['batch_loss', 'train', 'scalar', 'batch/loss'],
    ['evaluation_loss_vs_iterations', 'validation', 'scalar', 'batch/val_loss'],
    ['batch_3', 'train', 'other', 'batch_3'],
    ['conv2d/kernel_0/histogram', 'train', 'histogram', 'weights/conv2d/kernel'],
    ['model/dense_1/bias/histogram', 'train', 'histogram', 'weights/model/dense_1/bias'],
    ['conv2d/kernel_0/histogram', 'plain', 'histogram', 'conv2d/kernel_0/histogram'],
    ['images/sample', 'validation', 'image', 'images/val_sample'],
    ['epoch_loss', 'plain', 'scalar', 'epoch_loss'],
  ];
  for (const [tag, role, kind, expected] of cases) assert.equal(kerasTag(tag, role, kind), expected, `${role}/${tag}`);
  assert.equal(chartFamily(kerasTag('epoch_loss', 'train', 'scalar')), chartFamily(kerasTag('epoch_loss', 'validation', 'scalar')));
});
