import * as tf from '@tensorflow/tfjs';
import type { Run } from '../../lib/client/run';
import { resolveLogs } from './resolve-logs';
import { HistogramBinner } from '../../lib/kinds/histogram/histogram-binner';
import { activationProbe, weightValues, type ActivationRecorder } from './record-histograms';
import { embeddingWeights } from './record-embeddings';
import { misclassifiedReviews, REVIEWS_TAG, type ValidationReviews } from './record-reviews';
import type { ModelData } from '../data/model-data';

export interface TensorlensCallbackArgs {
  /** Where the points go: a `Run` from lib/client. */
  run: Run;
  /**
   * 'batch' (default) streams `batch/<metric>` after every batch as well as the epoch metrics;
   * 'epoch' streams only `epoch/<metric>`, like Keras' TensorBoard(update_freq='epoch').
   */
  updateFreq?: 'batch' | 'epoch';
  /**
   * Every this many epochs, a histogram of every layer's weights and, given `probe`, of every
   * layer's output on it (Keras' histogram_freq). 0 (default) records none.
   */
  histogramFreq?: number;
  /**
   * Every this many epochs, every Embedding layer's matrix, tagged by layer name, for the
   * projector (Keras' embeddings_freq). 0 (default) records none.
   */
  embeddingsFreq?: number;
  /**
   * Every this many epochs, the validation reviews the model gets most confidently wrong and right,
   * as Markdown under the text tag `misclassified`. Needs `reviews`; 0 (default) logs none.
   */
  textFreq?: number;
  /** The validation reviews --text-freq reads (see validationReviews). */
  reviews?: ValidationReviews;
  /** A fixed batch of inputs, e.g. from the validation data, whose activations are recorded; for several inputs, as fit() takes them. */
  probe?: ModelData;
  /** Buckets per histogram; TensorBoard's 30 by default. */
  bucketCount?: number;
  /** Used for test DI mocking. */
  nowFunc?: () => number;
}

/** The learning rate the optimizer will use next, read from its config since tfjs keeps it private. */
export function currentLearningRate(model: tf.LayersModel | undefined): number | undefined {
  const config = model?.optimizer?.getConfig() as { learningRate?: number } | undefined;
  return typeof config?.learningRate === 'number' ? config.learningRate : undefined;
}

/**
 * Keras' TensorBoard callback in spirit: streams what `fit()` logs to a Tensorlens run.
 * Every point's step is the global batch count, so batch and epoch series share one x axis;
 * epoch points sit at the batch that closed the epoch.
 */
export class TensorlensCallback extends tf.Callback {
  private readonly run: Run;
  private readonly updateFreq: 'batch' | 'epoch';
  private readonly now: () => number;
  private readonly histogramFreq: number;
  private readonly embeddingsFreq: number;
  private readonly textFreq: number;
  private readonly reviews?: ValidationReviews;
  private readonly probe?: ModelData;
  private readonly bucketCount?: number;
  private activations: ActivationRecorder | null = null;
  /** Lives as long as the callback, so that fit() after fit() does not start a thread each time; idle, it holds no process open. */
  private readonly binner = new HistogramBinner();
  /** Histograms still being binned; training goes on meanwhile, and ends only once all are logged. */
  private binning: Promise<void>[] = [];
  private step = 0;
  private epochStartedAt = 0;

  constructor(args: TensorlensCallbackArgs) {
    super();
    this.run = args.run;
    this.updateFreq = args.updateFreq ?? 'batch';
    this.now = args.nowFunc ?? Date.now;
    this.histogramFreq = args.histogramFreq ?? 0;
    if (!Number.isInteger(this.histogramFreq) || this.histogramFreq < 0) throw new Error(`histogramFreq must be an integer ≥ 0, got ${args.histogramFreq}`);
    this.embeddingsFreq = args.embeddingsFreq ?? 0;
    if (!Number.isInteger(this.embeddingsFreq) || this.embeddingsFreq < 0) throw new Error(`embeddingsFreq must be an integer ≥ 0, got ${args.embeddingsFreq}`);
    this.textFreq = args.textFreq ?? 0;
    if (!Number.isInteger(this.textFreq) || this.textFreq < 0) throw new Error(`textFreq must be an integer ≥ 0, got ${args.textFreq}`);
    this.reviews = args.reviews;
    this.probe = args.probe;
    this.bucketCount = args.bucketCount;
  }

  /** Steps already taken, for a script that logs its own points on the same axis. */
  get globalStep(): number {
    return this.step;
  }

  override async onTrainBegin(): Promise<void> {
    this.run.setStatus('running');
    if (this.histogramFreq > 0 && this.probe) this.activations = activationProbe(this.model as tf.LayersModel);
  }

  override async onTrainEnd(): Promise<void> {
    const binning = this.binning;
    this.binning = [];
    await Promise.all(binning);
  }

  override async onEpochBegin(): Promise<void> {
    this.epochStartedAt = this.now();
  }

  override async onBatchEnd(_batch: number, logs?: tf.Logs): Promise<void> {
    this.step++;
    if (this.updateFreq === 'batch') this.run.log(prefix('batch', await resolveLogs(logs)), this.step);
    // fit() is one chain of promise continuations: tfjs yields only inside its own CustomCallback.
    // Without a turn of the event loop here, the socket could not connect or send until fit() ends.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const metrics = prefix('epoch', await resolveLogs(logs));
    const lr = currentLearningRate(this.model as tf.LayersModel);
    if (lr !== undefined) metrics['epoch/lr'] = lr;
    metrics['epoch/time'] = (this.now() - this.epochStartedAt) / 1000;
    this.run.log(metrics, this.step);
    if (this.histogramFreq > 0 && (epoch + 1) % this.histogramFreq === 0) {
      // Read now, while the weights are this epoch's; binned on the worker while the next epoch trains.
      const activations = this.activations && this.probe ? this.activations(this.probe) : {};
      const step = this.step;
      const values = { ...weightValues(this.model as tf.LayersModel), ...activations };
      const logged = this.binner.bin(values, this.bucketCount).then((histograms) => this.run.logHistograms(histograms, step));
      // Handled here so that a failure waits for onTrainEnd to reject fit() rather than crash the process.
      logged.catch(() => undefined);
      this.binning.push(logged);
    }
    if (this.embeddingsFreq > 0 && (epoch + 1) % this.embeddingsFreq === 0) {
      for (const e of embeddingWeights(this.model as tf.LayersModel)) this.run.logEmbedding(e.tag, e.matrix, e.rows, e.dim, this.step, epoch + 1);
    }
    if (this.textFreq > 0 && this.reviews && (epoch + 1) % this.textFreq === 0) {
      this.run.logText(REVIEWS_TAG, this.step, await misclassifiedReviews(this.model as tf.LayersModel, this.reviews, epoch + 1));
    }
  }
}

function prefix(scope: string, logs: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(logs)) out[`${scope}/${key}`] = value;
  return out;
}

export function tensorlensCallback(args: TensorlensCallbackArgs): TensorlensCallback {
  return new TensorlensCallback(args);
}
