import type * as tf from '@tensorflow/tfjs';
import { REDUCE_LR_EVENT } from '../../lib/kinds/event/meta';
import { formatMetric } from './progress-bar';
import { resolveLogs } from './resolve-logs';
import { getLearningRate, setLearningRate } from './learning-rate';
import { Monitor, MonitorArgs } from './monitor';
import { EventCallback, EventCallbackArgs } from './training-event';

export interface ReduceLROnPlateauArgs extends MonitorArgs, EventCallbackArgs {
  /** The rate is multiplied by this, in (0, 1). Default 0.1. */
  factor?: number;
  /** Epochs without improvement before the rate is reduced. Default 10. */
  patience?: number;
  /** Epochs to wait after a reduction before counting again. Default 0. */
  cooldown?: number;
  /** The rate never goes below this. Default 0. */
  minLr?: number;
}

/**
 * Keras' ReduceLROnPlateau: multiplies the optimizer's learning rate by `factor` once the monitored
 * metric has not improved (by more than minDelta, default 1e-4) for `patience` epochs. The optimizer
 * really uses the new rate from the next batch on, and TensorlensCallback's epoch/lr shows it.
 */
export class ReduceLROnPlateau extends EventCallback {
  readonly monitor: Monitor;
  readonly factor: number;
  readonly patience: number;
  readonly cooldown: number;
  readonly minLr: number;
  wait = 0;
  cooldownCounter = 0;
  best = Infinity;

  constructor(args: ReduceLROnPlateauArgs = {}) {
    super(args);
    this.monitor = new Monitor('ReduceLROnPlateau', args, 1e-4);
    this.factor = args.factor ?? 0.1;
    if (!(this.factor > 0 && this.factor < 1)) throw new Error(`ReduceLROnPlateau: factor must be in (0, 1): it multiplies the rate, got ${args.factor}`);
    this.patience = integer('patience', args.patience ?? 10);
    this.cooldown = integer('cooldown', args.cooldown ?? 0);
    this.minLr = args.minLr ?? 0;
    if (!(this.minLr >= 0 && Number.isFinite(this.minLr))) throw new Error(`ReduceLROnPlateau: minLr must be a number ≥ 0, got ${args.minLr}`);
  }

  override async onTrainBegin(): Promise<void> {
    this.wait = 0;
    this.cooldownCounter = 0;
    this.best = this.monitor.worst;
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const current = this.monitor.read(await resolveLogs(logs), 'the learning rate is not adjusted this epoch');
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.wait = 0;
    }
    if (this.monitor.isImprovement(current, this.best)) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.cooldownCounter > 0) return;
    this.wait++;
    if (this.wait < this.patience) return;
    const optimizer = this.model.optimizer;
    const oldLr = getLearningRate(optimizer);
    if (!(oldLr > this.minLr)) return;
    const newLr = Math.max(oldLr * this.factor, this.minLr);
    setLearningRate(optimizer, newLr);
    this.emit({
      kind: REDUCE_LR_EVENT,
      reason: `${this.monitor.name} did not improve on ${formatMetric(this.best)} for ${this.wait} epoch${this.wait === 1 ? '' : 's'}: learning rate reduced from ${shortNumber(oldLr)} to ${shortNumber(newLr)}${newLr === this.minLr ? ' (minLr)' : ''}`,
      data: { monitor: this.monitor.name, best: this.best, current, oldLr, newLr, epoch: epoch + 1 },
    });
    this.cooldownCounter = this.cooldown;
    this.wait = 0;
  }
}

/** 0.1 * 0.001 is 0.00010000000000000002 in floating point; people want to read 0.0001. */
function shortNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function integer(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`ReduceLROnPlateau: ${name} must be an integer ≥ 0, got ${value}`);
  return value;
}

export function reduceLROnPlateau(args?: ReduceLROnPlateauArgs): ReduceLROnPlateau {
  return new ReduceLROnPlateau(args);
}
