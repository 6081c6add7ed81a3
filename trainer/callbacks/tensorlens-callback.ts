import * as tf from '@tensorflow/tfjs';
import type { Run } from '../../lib/client/run';
import { resolveLogs } from './resolve-logs';

export interface TensorlensCallbackArgs {
  /** Where the points go: a `Run` from lib/client. */
  run: Run;
  /**
   * 'batch' (default) streams `batch/<metric>` after every batch as well as the epoch metrics;
   * 'epoch' streams only `epoch/<metric>`, like Keras' TensorBoard(update_freq='epoch').
   */
  updateFreq?: 'batch' | 'epoch';
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
  private step = 0;
  private epochStartedAt = 0;

  constructor(args: TensorlensCallbackArgs) {
    super();
    this.run = args.run;
    this.updateFreq = args.updateFreq ?? 'batch';
    this.now = args.nowFunc ?? Date.now;
  }

  /** Steps already taken, for a script that logs its own points on the same axis. */
  get globalStep(): number {
    return this.step;
  }

  override async onTrainBegin(): Promise<void> {
    this.run.setStatus('running');
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

  override async onEpochEnd(_epoch: number, logs?: tf.Logs): Promise<void> {
    const metrics = prefix('epoch', await resolveLogs(logs));
    const lr = currentLearningRate(this.model as tf.LayersModel);
    if (lr !== undefined) metrics['epoch/lr'] = lr;
    metrics['epoch/time'] = (this.now() - this.epochStartedAt) / 1000;
    this.run.log(metrics, this.step);
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
