import { parseArgs } from 'node:util';
import { defaultServerUrl } from '../lib/client';
import { runIdSchema } from '../lib/protocol/ingest-messages';
import { MONITOR_MODES, type MonitorMode } from './callbacks/monitor';
import { FlagError, integer, oneOf, real } from './flag-values';
import { IMDB_CONV1D_FLAGS, IMDB_CONV1D_USAGE, imdbConv1dFlags } from './imdb-conv1d-flags';
import type { ImdbConv1dArchitecture } from './models/imdb-conv1d';

export { FlagError } from './flag-values';

/**
 * Every knob of a training run; stored with the run as its configuration. The imdb-conv1d
 * architecture fields are present for that model only.
 */
export interface TrainFlags extends Partial<ImdbConv1dArchitecture> {
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
  /** The run's id, chosen by whoever starts it (a sweep); a fresh random one when absent. */
  runId?: string;
  /** The sweep this run is a trial of, and its trial number; both or neither. */
  sweepId?: string;
  sweepTrial?: number;
  seed: number;
  server: string;
  data?: string;
  backend: 'auto' | 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
  updateFreq: 'batch' | 'epoch';
  /** Record weight and activation histograms every N epochs; 0 records none. */
  histogramFreq: number;
  /** Snapshot every Embedding layer's matrix every N epochs (Keras' embeddings_freq); absent or 0 records none. */
  embeddingsFreq?: number;
  /** Log the validation reviews read most confidently wrong and right every N epochs, as text; absent or 0 logs none. */
  textFreq?: number;
  /**
   * Keras callbacks, present only when given: absent settings take the callbacks' own Keras defaults.
   * ModelCheckpoint saves to checkpointPath (placeholders allowed), default logs/checkpoints/<run id>/.
   */
  checkpoint?: true;
  checkpointPath?: string;
  saveBestOnly?: true;
  saveWeightsOnly?: true;
  /** The metric EarlyStopping, ReduceLROnPlateau and a best-only ModelCheckpoint watch. */
  monitor?: string;
  mode?: MonitorMode;
  minDelta?: number;
  /** EarlyStopping is on when this is set. */
  earlyStoppingPatience?: number;
  restoreBestWeights?: true;
  /** ReduceLROnPlateau is on when this is set. */
  reduceLrPatience?: number;
  reduceLrFactor?: number;
  reduceLrCooldown?: number;
  minLr?: number;
  /** Modules whose exported callbacks (or factories) join fit(). */
  callbacks?: string[];
}

export const USAGE = `usage: npm run train -- --model NAME [options]
  --list                 list the models and exit
  --model NAME           model to train (default imdb-conv1d)
  --epochs N             default 20
  --batch-size N         default 128
  --max-len N            review length after pad_sequences (default 500)
  --max-features N       vocabulary size, Keras num_words (default 2000); past the
                         training set's 81,391 words it keeps every word
  --validation-split F   fraction held out for validation (default 0.2)
  --learning-rate F      optimizer learning rate (default 0.001)
  --train-samples N      train on a random subset of N reviews
  --test-samples N       evaluate on N test reviews after training
  --run-name NAME        name shown in the dashboard
  --run-id ID            the run's id (1-64 letters, digits, _ or -; default a random one)
  --sweep-id ID          the sweep this run is a trial of (set by npm run sweep), with
  --sweep-trial N        its trial number
  --seed N               data shuffling seed (default 1337)
  --server URL           dashboard URL (default TENSORLENS_URL or http://127.0.0.1:3000)
  --data PATH            aclImdb_v1.tar.gz or extracted aclImdb/ (default IMDB_DATA, else download)
  --backend NAME         auto | tensorflow-gpu | tensorflow | wasm | cpu (default auto)
  --update-freq WHEN     batch | epoch: how often metrics stream (default batch)
  --histogram-freq N     weight and activation histograms every N epochs (default 0: none)
  --embeddings-freq N    Embedding layer matrices for the projector every N epochs (default 0: none)
  --text-freq N          every N epochs, the validation reviews read most confidently wrong
                         (5 false positives, 5 false negatives) and right, as text (default 0: none)
 callbacks (each action is streamed as an event and marked on the charts):
  --checkpoint           ModelCheckpoint after every epoch, to logs/checkpoints/<run id>/
  --checkpoint-path DIR  checkpoint directory, implies --checkpoint; Keras placeholders such as
                         {epoch:03d} and {val_loss:.4f} are filled in
  --save-best-only       checkpoint only when --monitor improves
  --save-weights-only    checkpoint the weights without the topology
  --monitor METRIC       metric the callbacks watch (default val_loss)
  --mode MODE            auto | min | max (default auto: max for accuracy-like metrics)
  --min-delta F          smallest change that counts as an improvement
                         (default 0; 1e-4 for ReduceLROnPlateau, as in Keras)
  --early-stopping-patience N   EarlyStopping after N epochs without improvement
  --restore-best-weights        EarlyStopping puts back the best epoch's weights
  --reduce-lr-patience N        ReduceLROnPlateau after N epochs without improvement
  --reduce-lr-factor F          multiply the learning rate by F in (0, 1) (default 0.1)
  --reduce-lr-cooldown N        epochs to wait after a reduction (default 0)
  --min-lr F                    lower bound of the learning rate (default 0)
  --callbacks MODULE     a module exporting tf.Callback instances or factories; repeatable
                         (see trainer/callbacks/examples/)
${IMDB_CONV1D_USAGE}`;

const STRING_FLAGS = ['model', 'epochs', 'batch-size', 'max-len', 'max-features', 'validation-split', 'learning-rate', 'train-samples', 'test-samples', 'run-name', 'seed', 'server', 'data', 'backend', 'update-freq', 'histogram-freq', 'embeddings-freq', 'text-freq', 'run-id', 'sweep-id', 'sweep-trial', ...IMDB_CONV1D_FLAGS];

/** node:util parseArgs options for every training flag, by its --kebab-case name. */
export const TRAIN_OPTIONS: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
  ...Object.fromEntries(STRING_FLAGS.map((k) => [k, { type: 'string' as const }])),
  list: { type: 'boolean' },
  ...Object.fromEntries(['checkpoint-path', 'monitor', 'mode', 'min-delta', 'early-stopping-patience', 'reduce-lr-patience', 'reduce-lr-factor', 'reduce-lr-cooldown', 'min-lr'].map((k) => [k, { type: 'string' as const }])),
  ...Object.fromEntries(['checkpoint', 'save-best-only', 'save-weights-only', 'restore-best-weights'].map((k) => [k, { type: 'boolean' as const }])),
  callbacks: { type: 'string', multiple: true },
  help: { type: 'boolean' },
};

type CallbackValues = Record<string, string | undefined> & Record<'checkpoint' | 'save-best-only' | 'save-weights-only' | 'restore-best-weights', boolean | undefined> & { callbacks?: string[] };

type CallbackFlags = Pick<TrainFlags, 'checkpoint' | 'checkpointPath' | 'saveBestOnly' | 'saveWeightsOnly' | 'monitor' | 'mode' | 'minDelta' | 'earlyStoppingPatience' | 'restoreBestWeights' | 'reduceLrPatience' | 'reduceLrFactor' | 'reduceLrCooldown' | 'minLr' | 'callbacks'>;

/** A flag that only tunes a callback is an error without the flag that turns the callback on. */
function requires(v: CallbackValues, flag: string, on: boolean, needed: string): void {
  if (v[flag] !== undefined && !on) throw new FlagError(`--${flag} applies only with ${needed}`);
}

function callbackFlags(v: CallbackValues): CallbackFlags {
  const checkpoint = v.checkpoint === true || v['checkpoint-path'] !== undefined;
  const flag = (set: boolean | undefined) => (set ? (true as const) : undefined);
  const earlyStoppingPatience = integer('early-stopping-patience', v['early-stopping-patience'], undefined, 0);
  const reduceLrPatience = integer('reduce-lr-patience', v['reduce-lr-patience'], undefined, 0);
  for (const flag of ['save-best-only', 'save-weights-only']) requires(v, flag, checkpoint, '--checkpoint or --checkpoint-path');
  requires(v, 'restore-best-weights', earlyStoppingPatience !== undefined, '--early-stopping-patience');
  for (const flag of ['reduce-lr-factor', 'reduce-lr-cooldown', 'min-lr']) requires(v, flag, reduceLrPatience !== undefined, '--reduce-lr-patience');
  const reduceLrFactor = v['reduce-lr-factor'] === undefined ? undefined : real('reduce-lr-factor', v['reduce-lr-factor'], 0, 0, 1, true);
  if (reduceLrFactor === 1) throw new FlagError('--reduce-lr-factor must be below 1: the learning rate is multiplied by it');
  if (v.monitor !== undefined && !/^\w+$/.test(v.monitor)) throw new FlagError(`--monitor must be a metric name such as val_loss or val_acc, got "${v.monitor}"`);
  const parsed: CallbackFlags = {
    checkpoint: flag(checkpoint),
    checkpointPath: v['checkpoint-path'],
    saveBestOnly: flag(v['save-best-only']),
    saveWeightsOnly: flag(v['save-weights-only']),
    monitor: v.monitor,
    mode: v.mode === undefined ? undefined : oneOf('mode', v.mode, MONITOR_MODES, 'auto'),
    minDelta: v['min-delta'] === undefined ? undefined : real('min-delta', v['min-delta'], 0, 0, Infinity),
    earlyStoppingPatience,
    restoreBestWeights: flag(v['restore-best-weights']),
    reduceLrPatience,
    reduceLrFactor,
    reduceLrCooldown: integer('reduce-lr-cooldown', v['reduce-lr-cooldown'], undefined, 0),
    minLr: v['min-lr'] === undefined ? undefined : real('min-lr', v['min-lr'], 0, 0, 10),
    callbacks: v.callbacks,
  };
  // Only what was given: the run's stored configuration lists the callbacks it really used.
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as CallbackFlags;
}

function id(name: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && !runIdSchema.safeParse(raw).success) throw new FlagError(`--${name} must be 1-64 letters, digits, "_" or "-", got "${raw}"`);
  return raw;
}

/** The run's own id and its place in a sweep, present only when given. */
function identityFlags(v: Record<string, string | undefined>): Pick<TrainFlags, 'runId' | 'sweepId' | 'sweepTrial'> {
  const sweepId = id('sweep-id', v['sweep-id']);
  const sweepTrial = integer('sweep-trial', v['sweep-trial'], undefined, 0);
  if ((sweepId === undefined) !== (sweepTrial === undefined)) throw new FlagError('--sweep-id and --sweep-trial go together');
  const runId = id('run-id', v['run-id']);
  return { ...(runId === undefined ? {} : { runId }), ...(sweepId === undefined ? {} : { sweepId, sweepTrial }) };
}

/** Parses and validates argv; throws FlagError with a message meant for the user. */
export function parseTrainFlags(argv: string[]): TrainFlags | 'list' | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: TRAIN_OPTIONS }));
  } catch (e) {
    throw new FlagError((e as Error).message);
  }
  const v = values as Record<string, string | undefined> & { list?: boolean; help?: boolean };
  if (v.help) return 'help';
  if (v.list) return 'list';
  const model = v.model ?? 'imdb-conv1d';
  const maxLen = integer('max-len', v['max-len'], 500, 8)!;
  return {
    model,
    epochs: integer('epochs', v.epochs, 20, 1)!,
    batchSize: integer('batch-size', v['batch-size'], 128, 1)!,
    maxLen,
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
    ...(v['embeddings-freq'] === undefined ? {} : { embeddingsFreq: integer('embeddings-freq', v['embeddings-freq'], 0, 0) }),
    ...(v['text-freq'] === undefined ? {} : { textFreq: integer('text-freq', v['text-freq'], 0, 0) }),
    ...callbackFlags(values as CallbackValues),
    ...identityFlags(v),
    ...imdbConv1dFlags(v, model, maxLen),
  };
}
