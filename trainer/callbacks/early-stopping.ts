import * as tf from '@tensorflow/tfjs';
import { EARLY_STOPPING_EVENT } from '../../lib/kinds/event/meta';
import { formatMetric } from './progress-bar';
import { resolveLogs } from './resolve-logs';
import { Monitor, MonitorArgs } from './monitor';
import { EventCallback, EventCallbackArgs } from './training-event';

export interface EarlyStoppingArgs extends MonitorArgs, EventCallbackArgs {
  /** Epochs without improvement after which training stops. Default 0. */
  patience?: number;
  /** Training must beat this value too: epochs that do not are counted against patience. */
  baseline?: number;
  /** At the end of training, put back the weights of the best epoch. Default false. */
  restoreBestWeights?: boolean;
}

/** Keras' EarlyStopping (keras 3 semantics): stops fit() once the monitored metric stops improving. */
export class EarlyStopping extends EventCallback {
  readonly monitor: Monitor;
  readonly patience: number;
  readonly baseline?: number;
  readonly restoreBestWeights: boolean;
  wait = 0;
  best = Infinity;
  bestEpoch = 0;
  /** The epoch (0-based) training stopped at; 0 when it ran to the end. */
  stoppedEpoch = 0;
  private bestWeights: tf.Tensor[] | null = null;

  constructor(args: EarlyStoppingArgs = {}) {
    super(args);
    this.monitor = new Monitor('EarlyStopping', args);
    this.patience = args.patience ?? 0;
    if (!Number.isInteger(this.patience) || this.patience < 0) throw new Error(`EarlyStopping: patience must be an integer ≥ 0, got ${args.patience}`);
    this.baseline = args.baseline;
    this.restoreBestWeights = args.restoreBestWeights ?? false;
  }

  override async onTrainBegin(): Promise<void> {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.monitor.worst;
    this.bestEpoch = 0;
    this.keepWeights(null);
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const current = this.monitor.read(await resolveLogs(logs), 'early stopping is not checked this epoch');
    if (current === undefined) return;
    // Without any improvement, the weights training started the watch with are the best seen.
    if (this.restoreBestWeights && this.bestWeights === null) {
      this.keepWeights(this.snapshot());
      this.bestEpoch = epoch;
    }
    this.wait++;
    if (this.monitor.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.keepWeights(this.snapshot());
      // The count restarts only when the baseline is beaten as well as the previous best.
      if (this.baseline === undefined || this.monitor.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      this.model.stopTraining = true;
      this.emit({
        kind: EARLY_STOPPING_EVENT,
        reason: this.reason(epoch),
        data: { monitor: this.monitor.name, best: this.best, bestEpoch: this.bestEpoch + 1, epoch: epoch + 1, patience: this.patience, restoreBestWeights: this.restoreBestWeights },
      });
    }
  }

  override async onTrainEnd(): Promise<void> {
    if (this.restoreBestWeights && this.bestWeights) this.model.setWeights(this.bestWeights);
    this.keepWeights(null);
  }

  private reason(epoch: number): string {
    const name = this.monitor.name;
    const target =
      this.baseline !== undefined && !this.monitor.isImprovement(this.best, this.baseline)
        ? `did not beat the baseline ${formatMetric(this.baseline)}`
        : `did not improve on ${formatMetric(this.best)} (epoch ${this.bestEpoch + 1})`;
    const restore = this.restoreBestWeights ? `; restoring the weights of epoch ${this.bestEpoch + 1}` : '';
    return `${name} ${target} for ${this.wait} epoch${this.wait === 1 ? '' : 's'} (patience ${this.patience}): training stopped after epoch ${epoch + 1}${restore}`;
  }

  /** Copies, since the model's variables are overwritten by every training step. */
  private snapshot(): tf.Tensor[] {
    return this.model.getWeights().map((w) => w.clone());
  }

  private keepWeights(weights: tf.Tensor[] | null): void {
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = weights;
  }
}

export function earlyStopping(args?: EarlyStoppingArgs): EarlyStopping {
  return new EarlyStopping(args);
}
