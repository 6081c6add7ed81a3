import { parseArgs } from 'node:util';
import { defaultServerUrl } from '../lib/client';

/** Every knob of a training run; stored with the run as its configuration. */
export interface TrainFlags {
  model: string;
  epochs: number;
  batchSize: number;
  maxLen: number;
  maxFeatures: number;
  validationSplit: number;
  learningRate: number;
  /** Random subset of the training reviews; all of them when absent. */
  trainSamples?: number;
  /** Test reviews evaluated after training; none when absent. */
  testSamples?: number;
  runName?: string;
  seed: number;
  server: string;
  data?: string;
  backend: 'auto' | 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
  updateFreq: 'batch' | 'epoch';
  /** Record weight and activation histograms every N epochs; 0 records none. */
  histogramFreq: number;
}

export const USAGE = `usage: npm run train -- --model NAME [options]
  --list                 list the models and exit
  --model NAME           model to train (default imdb-conv1d)
  --epochs N             default 20
  --batch-size N         default 128
  --max-len N            review length after pad_sequences (default 500)
  --max-features N       vocabulary size, Keras num_words (default 2000)
  --validation-split F   fraction held out for validation (default 0.2)
  --learning-rate F      rmsprop learning rate (default 0.001)
  --train-samples N      train on a random subset of N reviews
  --test-samples N       evaluate on N test reviews after training
  --run-name NAME        name shown in the dashboard
  --seed N               data shuffling seed (default 1337)
  --server URL           dashboard URL (default TENSORLENS_URL or http://127.0.0.1:3000)
  --data PATH            aclImdb_v1.tar.gz or extracted aclImdb/ (default IMDB_DATA, else download)
  --backend NAME         auto | tensorflow-gpu | tensorflow | wasm | cpu (default auto)
  --update-freq WHEN     batch | epoch: how often metrics stream (default batch)
  --histogram-freq N     weight and activation histograms every N epochs (default 0: none)`;

export class FlagError extends Error {}

const STRING_FLAGS = ['model', 'epochs', 'batch-size', 'max-len', 'max-features', 'validation-split', 'learning-rate', 'train-samples', 'test-samples', 'run-name', 'seed', 'server', 'data', 'backend', 'update-freq', 'histogram-freq'];

const OPTIONS: Record<string, { type: 'string' | 'boolean' }> = {
  ...Object.fromEntries(STRING_FLAGS.map((k) => [k, { type: 'string' as const }])),
  list: { type: 'boolean' },
  help: { type: 'boolean' },
};

function integer(name: string, raw: string | undefined, fallback: number | undefined, min: number): number | undefined {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new FlagError(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

function real(name: string, raw: string | undefined, fallback: number, min: number, max: number, openMin = false): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n > max || (openMin ? n <= min : n < min)) {
    throw new FlagError(`--${name} must be a number in ${openMin ? '(' : '['}${min}, ${max}], got "${raw}"`);
  }
  return n;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw new FlagError(`--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** Parses and validates argv; throws FlagError with a message meant for the user. */
export function parseTrainFlags(argv: string[]): TrainFlags | 'list' | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS }));
  } catch (e) {
    throw new FlagError((e as Error).message);
  }
  const v = values as Record<string, string | undefined> & { list?: boolean; help?: boolean };
  if (v.help) return 'help';
  if (v.list) return 'list';
  return {
    model: v.model ?? 'imdb-conv1d',
    epochs: integer('epochs', v.epochs, 20, 1)!,
    batchSize: integer('batch-size', v['batch-size'], 128, 1)!,
    maxLen: integer('max-len', v['max-len'], 500, 8)!,
    maxFeatures: integer('max-features', v['max-features'], 2000, 4)!,
    validationSplit: real('validation-split', v['validation-split'], 0.2, 0, 0.9),
    learningRate: real('learning-rate', v['learning-rate'], 0.001, 0, 10, true),
    trainSamples: integer('train-samples', v['train-samples'], undefined, 1),
    testSamples: integer('test-samples', v['test-samples'], undefined, 1),
    runName: v['run-name'],
    seed: integer('seed', v.seed, 1337, 0)!,
    server: v.server ?? defaultServerUrl(),
    data: v.data,
    backend: oneOf('backend', v.backend, ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const, 'auto'),
    updateFreq: oneOf('update-freq', v['update-freq'], ['batch', 'epoch'] as const, 'batch'),
    histogramFreq: integer('histogram-freq', v['histogram-freq'], 0, 0)!,
  };
}
