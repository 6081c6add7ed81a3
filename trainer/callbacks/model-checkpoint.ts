import type * as tf from '@tensorflow/tfjs';
import { relative } from 'node:path';
import { CHECKPOINT_EVENT } from '../../lib/kinds/event/meta';
import { fileSystemHandler } from '../io/file-system-handler';
import { formatFilepath } from './format-filepath';
import { formatMetric } from './progress-bar';
import { resolveLogs } from './resolve-logs';
import { Monitor, MonitorArgs } from './monitor';
import { EventCallback, EventCallbackArgs } from './training-event';

export interface ModelCheckpointArgs extends MonitorArgs, EventCallbackArgs {
  /**
   * The directory each checkpoint goes to (model.json + weights), with Keras' placeholders:
   * `{epoch}` (1-based) and any metric of the epoch's logs, e.g. `logs/checkpoints/run/epoch-{epoch:03d}-{val_loss:.4f}`.
   */
  filepath: string;
  /** Save only when the monitored metric improves on the best so far. Default false: every epoch. */
  saveBestOnly?: boolean;
  /** Keras' save_weights_only: no topology; load with loadWeightsFrom(model, dir). Default false. */
  saveWeightsOnly?: boolean;
  /** With saveBestOnly, the value the first checkpoint must beat. */
  initialValueThreshold?: number;
}

/**
 * Keras' ModelCheckpoint with save_freq='epoch': saves the model after each epoch, or after the ones
 * that improve the monitored metric, to a directory tf.loadLayersModel(fileSystemHandler(dir)) reads.
 * Writes are atomic: a crash mid-save leaves the previous checkpoint whole.
 */
export class ModelCheckpoint extends EventCallback {
  readonly monitor: Monitor;
  readonly filepath: string;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  best: number;

  constructor(args: ModelCheckpointArgs) {
    super(args);
    if (typeof args?.filepath !== 'string' || args.filepath === '') throw new Error('ModelCheckpoint: filepath is required');
    this.monitor = new Monitor('ModelCheckpoint', args);
    this.filepath = args.filepath;
    this.saveBestOnly = args.saveBestOnly ?? false;
    this.saveWeightsOnly = args.saveWeightsOnly ?? false;
    this.best = args.initialValueThreshold ?? this.monitor.worst;
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const values = await resolveLogs(logs);
    const path = formatFilepath(this.filepath, { epoch: epoch + 1, ...values });
    const shown = displayPath(path);
    const name = this.monitor.name;
    if (!this.saveBestOnly) {
      await this.save(path);
      const current = values[name];
      this.emit({
        kind: CHECKPOINT_EVENT,
        reason: `epoch ${epoch + 1} saved to ${shown}${current === undefined ? '' : ` (${name} ${formatMetric(current)})`}`,
        data: { path: shown, epoch: epoch + 1, monitor: name, current: current ?? null, weightsOnly: this.saveWeightsOnly },
      });
      return;
    }
    const current = this.monitor.read(values, 'can save the best model only with it; skipping');
    if (current === undefined || !this.monitor.isImprovement(current, this.best)) return;
    const previous = this.best;
    this.best = current;
    await this.save(path);
    this.emit({
      kind: CHECKPOINT_EVENT,
      reason: `${name} improved from ${formatMetric(previous)} to ${formatMetric(current)}, saved ${shown}`,
      data: { path: shown, epoch: epoch + 1, monitor: name, previous, current, weightsOnly: this.saveWeightsOnly },
    });
  }

  private async save(path: string): Promise<void> {
    await this.model.save(fileSystemHandler(path, { weightsOnly: this.saveWeightsOnly }));
  }
}

/** Paths inside the working directory are shown relative to it, as they were given. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function modelCheckpoint(args: ModelCheckpointArgs): ModelCheckpoint {
  return new ModelCheckpoint(args);
}
