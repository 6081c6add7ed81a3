import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlagError, parseTrainFlags } from '../../trainer/flags';

test('defaults are the lecture configuration', () => {
  const flags = parseTrainFlags([]);
  assert.ok(typeof flags === 'object');
  assert.equal(flags.model, 'imdb-conv1d');
  assert.equal(flags.epochs, 20);
  assert.equal(flags.batchSize, 128);
  assert.equal(flags.maxLen, 500);
  assert.equal(flags.maxFeatures, 2000);
  assert.equal(flags.validationSplit, 0.2);
  assert.equal(flags.learningRate, 0.001);
  assert.equal(flags.trainSamples, undefined);
});

test('every flag is parsed', () => {
  const flags = parseTrainFlags(['--model', 'imdb-conv1d', '--epochs', '3', '--batch-size', '32', '--max-len', '100', '--max-features', '500',
    '--validation-split', '0.1', '--learning-rate', '0.01', '--train-samples', '64', '--test-samples', '10', '--run-name', 'mine',
    '--seed', '7', '--server', 'http://127.0.0.1:9', '--data', '/x.tar.gz', '--backend', 'cpu', '--update-freq', 'epoch', '--histogram-freq', '2', '--text-freq', '3']);
  assert.deepEqual(flags, {
    model: 'imdb-conv1d', epochs: 3, batchSize: 32, maxLen: 100, maxFeatures: 500, validationSplit: 0.1, learningRate: 0.01,
    trainSamples: 64, testSamples: 10, runName: 'mine', seed: 7, server: 'http://127.0.0.1:9', data: '/x.tar.gz', backend: 'cpu', updateFreq: 'epoch', histogramFreq: 2,
    textFreq: 3, convFilters: 32, kernelSize: 7, embeddingDim: 128, dropout: 0, optimizer: 'rmsprop',
  });
});

test('bad values get a message naming the flag', () => {
  assert.throws(() => parseTrainFlags(['--epochs', 'ten']), (e: Error) => e instanceof FlagError && /--epochs must be an integer/.test(e.message));
  assert.throws(() => parseTrainFlags(['--validation-split', '1.5']), /--validation-split must be a number in \[0, 0.9\]/);
  assert.throws(() => parseTrainFlags(['--learning-rate', '0']), /--learning-rate must be a number in \(0, 10\]/);
  assert.throws(() => parseTrainFlags(['--text-freq', '1.5']), /--text-freq must be an integer ≥ 0, got "1.5"/);
  assert.throws(() => parseTrainFlags(['--backend', 'tpu']), /--backend must be one of auto, tensorflow-gpu, tensorflow, wasm, cpu/);
  assert.throws(() => parseTrainFlags(['--no-such-flag']), /Unknown option '--no-such-flag'/);
});

test('--list and --help are recognised', () => {
  assert.equal(parseTrainFlags(['--list']), 'list');
  assert.equal(parseTrainFlags(['--help']), 'help');
});

test('the imdb-conv1d architecture flags default to the lecture model and belong to that model only', () => {
  const flags = parseTrainFlags(['--conv-filters', '64', '--kernel-size', '5', '--embedding-dim', '32', '--dropout', '0.5', '--optimizer', 'adam']);
  assert.ok(typeof flags === 'object');
  assert.deepEqual([flags.convFilters, flags.kernelSize, flags.embeddingDim, flags.dropout, flags.optimizer], [64, 5, 32, 0.5, 'adam']);
  const mlp = parseTrainFlags(['--model', 'mlp-sequential']);
  assert.ok(typeof mlp === 'object');
  assert.equal('convFilters' in mlp, false);
  assert.throws(() => parseTrainFlags(['--model', 'mlp-sequential', '--dropout', '0.2']), /--dropout applies only to --model imdb-conv1d/);
  assert.throws(() => parseTrainFlags(['--optimizer', 'adagrad']), /--optimizer must be one of rmsprop, adam, sgd, got "adagrad"/);
  assert.throws(() => parseTrainFlags(['--dropout', '1']), /--dropout must be a number in \[0, 0.95\]/);
  assert.throws(() => parseTrainFlags(['--kernel-size', '9', '--max-len', '50']), /--kernel-size 9 needs --max-len ≥ 53 .*got 50/);
});

test('--run-id, and --sweep-id with --sweep-trial, name the run and its place in a sweep', () => {
  const flags = parseTrainFlags(['--run-id', 'trial_3-abc', '--sweep-id', 'sw-1', '--sweep-trial', '3']);
  assert.ok(typeof flags === 'object');
  assert.deepEqual([flags.runId, flags.sweepId, flags.sweepTrial], ['trial_3-abc', 'sw-1', 3]);
  const plain = parseTrainFlags([]);
  assert.ok(typeof plain === 'object');
  assert.deepEqual(['runId', 'sweepId', 'sweepTrial'].filter((key) => key in plain), []);
  assert.throws(() => parseTrainFlags(['--run-id', 'a b']), /--run-id must be 1-64 letters, digits, "_" or "-", got "a b"/);
  assert.throws(() => parseTrainFlags(['--sweep-id', 'sw-1']), /--sweep-id and --sweep-trial go together/);
  assert.throws(() => parseTrainFlags(['--sweep-trial', '1.5', '--sweep-id', 'x']), /--sweep-trial must be an integer ≥ 0/);
});
