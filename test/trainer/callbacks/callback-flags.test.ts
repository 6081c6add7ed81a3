import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { FlagError, parseTrainFlags, type TrainFlags } from '../../../trainer/flags';
import { callbacksFromFlags, defaultCheckpointPath } from '../../../trainer/callbacks/from-flags';
import { EarlyStopping } from '../../../trainer/callbacks/early-stopping';
import { ModelCheckpoint } from '../../../trainer/callbacks/model-checkpoint';
import { ReduceLROnPlateau } from '../../../trainer/callbacks/reduce-lr-on-plateau';
import { OverfittingAlarm } from '../../../trainer/callbacks/examples/overfitting-alarm';
import { loadUserCallbacks } from '../../../trainer/callbacks/load-user-callbacks';
import { tempDir } from '../../helpers/temp-dir';

const parse = (args: string[]) => parseTrainFlags(args) as TrainFlags;

test('callback flags become Keras callbacks with those arguments; absent ones keep the Keras defaults', async () => {
  const flags = parse(['--checkpoint', '--save-best-only', '--monitor', 'val_acc', '--mode', 'max', '--min-delta', '0.01',
    '--early-stopping-patience', '3', '--restore-best-weights', '--reduce-lr-patience', '2', '--reduce-lr-factor', '0.5', '--reduce-lr-cooldown', '1', '--min-lr', '1e-5']);
  const [checkpoint, reduce, stop] = await callbacksFromFlags(flags, 'run-1', () => undefined);
  assert.ok(checkpoint instanceof ModelCheckpoint && reduce instanceof ReduceLROnPlateau && stop instanceof EarlyStopping);
  assert.equal(checkpoint.filepath, join('logs', 'checkpoints', 'run-1', 'best'));
  assert.equal(checkpoint.saveBestOnly, true);
  assert.deepEqual([reduce.factor, reduce.patience, reduce.cooldown, reduce.minLr, reduce.monitor.name, reduce.monitor.direction, reduce.monitor.minDelta], [0.5, 2, 1, 1e-5, 'val_acc', 'max', 0.01]);
  assert.deepEqual([stop.patience, stop.restoreBestWeights], [3, true]);

  const plain = await callbacksFromFlags(parse(['--reduce-lr-patience', '4']), 'r', () => undefined);
  assert.equal(plain.length, 1);
  const keras = plain[0] as ReduceLROnPlateau;
  assert.deepEqual([keras.factor, keras.monitor.name, keras.monitor.minDelta, keras.minLr], [0.1, 'val_loss', 1e-4, 0]);
  assert.equal(defaultCheckpointPath('r', false), join('logs', 'checkpoints', 'r', 'epoch-{epoch:03d}'));
  assert.deepEqual(await callbacksFromFlags(parse([]), 'r', () => undefined), [], 'no flag, no callback');
});

test('bad or orphaned callback flags are refused with a message naming the flag', () => {
  const refused: [string[], RegExp][] = [
    [['--reduce-lr-factor', '1', '--reduce-lr-patience', '1'], /--reduce-lr-factor must be below 1/],
    [['--reduce-lr-factor', '0', '--reduce-lr-patience', '1'], /--reduce-lr-factor must be a number in \(0, 1\]/],
    [['--reduce-lr-factor', '0.5'], /--reduce-lr-factor applies only with --reduce-lr-patience/],
    [['--save-best-only'], /--save-best-only applies only with --checkpoint or --checkpoint-path/],
    [['--restore-best-weights'], /--restore-best-weights applies only with --early-stopping-patience/],
    [['--early-stopping-patience', '1.5'], /--early-stopping-patience must be an integer ≥ 0/],
    [['--mode', 'up'], /--mode must be one of auto, min, max, got "up"/],
    [['--min-delta', 'x'], /--min-delta must be a number/],
    [['--monitor', 'val loss'], /--monitor must be a metric name/],
  ];
  for (const [args, message] of refused) assert.throws(() => parseTrainFlags(args), (e: Error) => e instanceof FlagError && message.test(e.message), args.join(' '));
});

test('--callbacks loads user modules: instances, arrays and factories, and gives EventCallbacks the sink', async (t) => {
  const dir = tempDir(t);
  const events: string[] = [];
  const loaded = await loadUserCallbacks([join(__dirname, '../../../trainer/callbacks/examples/overfitting-alarm.ts')], { runId: 'r', sink: (e) => void events.push(e.reason), flags: {} });
  assert.equal(loaded.length, 1);
  assert.ok(loaded[0] instanceof OverfittingAlarm);
  await loaded[0].onEpochEnd(0, { loss: 0.2, val_loss: 0.9 });
  assert.deepEqual(events, ['val_loss 0.9000 is 0.7000 above loss 0.2000 after epoch 1']);

  const bad = join(dir, 'bad.js');
  writeFileSync(bad, 'exports.callbacks = [{ onEpochEnd() {} }];');
  await assert.rejects(loadUserCallbacks([bad], { runId: 'r', sink: () => undefined, flags: {} }), /--callbacks .*bad\.js: the module must export `callbacks`: a tf\.Callback/);
  await assert.rejects(loadUserCallbacks([join(dir, 'missing.ts')], { runId: 'r', sink: () => undefined, flags: {} }), /--callbacks .*missing\.ts: could not load the module/);
});
