/**
 * A user-written callback for `npm run train -- --callbacks trainer/callbacks/examples/overfitting-alarm.ts`.
 *
 * A --callbacks module exports `callbacks`: a tf.Callback, an array of them, or a function that gets
 * `{ runId, sink, flags }` and returns them. Any tf.Callback works; subclasses of EventCallback can
 * also call `this.emit({ kind, reason, data })`, and each event is streamed to the run and drawn as
 * a marker on its charts, with the reason in the tooltip. The kind is your own word (1-64 letters,
 * digits, "_", ".", "-"); the built-in callbacks use checkpoint, reduce_lr and early_stopping.
 */
import type * as tf from '@tensorflow/tfjs';
import { resolveLogs } from '../resolve-logs';
import { EventCallback, type EventCallbackArgs } from '../training-event';
import type { UserCallbackContext } from '../load-user-callbacks';

export interface OverfittingAlarmArgs extends EventCallbackArgs {
  /** How far val_loss may sit above loss before it is reported. Default 0.1. */
  gap?: number;
}

/** Reports each epoch where the validation loss pulls away from the training loss by more than `gap`. */
export class OverfittingAlarm extends EventCallback {
  private readonly gap: number;

  constructor(args: OverfittingAlarmArgs = {}) {
    super(args);
    this.gap = args.gap ?? 0.1;
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const { loss, val_loss: valLoss } = await resolveLogs(logs);
    if (loss === undefined || valLoss === undefined || valLoss - loss <= this.gap) return;
    this.emit({
      kind: 'overfitting',
      reason: `val_loss ${valLoss.toFixed(4)} is ${(valLoss - loss).toFixed(4)} above loss ${loss.toFixed(4)} after epoch ${epoch + 1}`,
      data: { loss, valLoss, gap: this.gap, epoch: epoch + 1 },
    });
  }
}

export function callbacks({ sink }: UserCallbackContext): tf.Callback[] {
  return [new OverfittingAlarm({ sink, gap: Number(process.env.OVERFITTING_GAP ?? 0.1) })];
}
