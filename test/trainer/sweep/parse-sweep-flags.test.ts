import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSweepFlags } from '../../../trainer/sweep/sweep-flags';
import { paramArgs, trialArgv } from '../../../trainer/sweep/trial-args';

const params = ['--param', 'learningRate=loguniform:1e-4:1e-2', '--param', 'batchSize=choice:32,64,128'];

test('a sweep\'s own flags make its definition and every other flag goes, in order, to every trial', () => {
  const command = parseSweepFlags(['--model', 'imdb-conv1d', '--trials', '12', '--method', 'random', '--metric', 'val_acc', ...params,
    '--epochs', '1', '--train-samples=1000', '--checkpoint', '--median-stopping', '--seed', '3', '--server', 'http://127.0.0.1:9', '--sweep-name', 'lr']);
  assert.ok(command !== 'help' && command.kind === 'new');
  const { definition } = command;
  assert.deepEqual(
    [definition.name, definition.model, definition.method, definition.metric, definition.goal, definition.seed, definition.maxTrials, definition.parallel, definition.medianStopping, definition.gridPoints],
    ['lr', 'imdb-conv1d', 'random', 'val_acc', 'max', 3, 12, 1, true, 5],
  );
  assert.deepEqual(definition.args, ['--epochs', '1', '--train-samples=1000', '--checkpoint', '--seed', '3'], 'the seed also seeds every trial\'s data');
  assert.deepEqual(definition.space.map((p) => p.name), ['learningRate', 'batchSize']);
  assert.equal(command.server, 'http://127.0.0.1:9');
  const defaults = parseSweepFlags(params);
  assert.ok(defaults !== 'help' && defaults.kind === 'new');
  assert.deepEqual([defaults.definition.method, defaults.definition.metric, defaults.definition.goal, defaults.definition.maxTrials], ['tpe', 'val_loss', 'min', 20]);
});

test('a trial\'s argv: the model, the shared flags, its params by their flag names, and who it is', () => {
  const command = parseSweepFlags(['--model', 'mlp-sequential', '--param', 'learningRate=uniform:0.001:0.01', '--param', 'saveBestOnly=choice:true,false', '--checkpoint', '--sweep-name', 's']);
  assert.ok(command !== 'help' && command.kind === 'new');
  assert.deepEqual(trialArgv('sw-1', command.definition, { trial: 2, runId: 'sw-1-t2', params: { learningRate: 0.005, saveBestOnly: 'true' } }, 'http://h:1'), [
    '--model', 'mlp-sequential', '--checkpoint', '--seed', '1337', '--learning-rate', '0.005', '--save-best-only',
    '--run-id', 'sw-1-t2', '--run-name', 's #2', '--sweep-id', 'sw-1', '--sweep-trial', '2', '--server', 'http://h:1',
  ]);
  assert.deepEqual(paramArgs({ saveBestOnly: 'false', convFilters: 48 }), ['--conv-filters', '48'], 'false leaves an on/off flag out');
});

test('params and flags the trainer would refuse fail the sweep before any trial, with the reason', () => {
  const refuses = (argv: string[], message: RegExp) => assert.throws(() => parseSweepFlags(argv), message);
  refuses(['--param', 'learnRate=uniform:0:1'], /--param learnRate: no training flag --learn-rate; a param is a flag's name in camelCase/);
  refuses(['--param', 'runName=choice:a,b'], /--param runName: --run-name is set by the sweep for every trial/);
  refuses(['--param', 'checkpoint=uniform:0:1'], /--checkpoint is an on\/off flag; sweep it as checkpoint=choice:true,false/);
  refuses(['--param', 'epochs=int:1:3', '--epochs', '2'], /--epochs is also given as a flag for every trial/);
  refuses(['--param', 'batchSize=uniform:16:128'], /--param batchSize can give \d+\.\d+, which the trainer refuses: --batch-size must be an integer/);
  refuses(['--param', 'dropout=uniform:0:0.5', '--model', 'mlp-sequential'], /--dropout applies only to --model imdb-conv1d/);
  refuses([...params, '--epoch', '2'], /Unknown option '--epoch'/);
  refuses([...params, '--run-id', 'x'], /--run-id is set by the sweep for every trial/);
  refuses([...params, '--method', 'bayes'], /--method must be one of tpe, random, grid/);
  refuses(['--trials', '5'], /a sweep needs at least one --param/);
  refuses([...params, '--trials', '1', '--trials', '2'], /--trials is given twice/);
});

test('--resume continues a stored sweep: only --trials and --parallel may change', () => {
  assert.deepEqual(parseSweepFlags(['--resume', 'sw-1', '--trials', '30', '--server', 'http://h:1']), { kind: 'resume', server: 'http://h:1', sweepId: 'sw-1', maxTrials: 30, parallel: undefined });
  assert.throws(() => parseSweepFlags(['--resume', 'sw-1', ...params]), /--resume continues sweep sw-1 as it was defined; only --trials and --parallel may change, got --param/);
  assert.throws(() => parseSweepFlags(['--resume', 'sw-1', '--epochs', '3']), /only --trials and --parallel may change, got --epochs/);
  assert.equal(parseSweepFlags(['--help']), 'help');
});
