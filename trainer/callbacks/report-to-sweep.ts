import type * as tf from '@tensorflow/tfjs';
import { isVerdict, type EpochReport, type Verdict } from '../sweep/trial-messages';
import { resolveLogs } from './resolve-logs';
import { EventCallback, type EventCallbackArgs } from './training-event';

/** The event a trial logs when its sweep stops it, drawn on its curves as the other callbacks' are. */
export const MEDIAN_STOPPING_EVENT = 'median_stopping';

/** A trial's line to its sweep runner. */
export interface SweepChannel {
  send(report: EpochReport): void;
  /** The runner's verdict on `epoch`, or null once the channel has closed (the runner is gone). */
  verdict(epoch: number): Promise<Verdict | null>;
}

/** The IPC channel of a trial forked by the sweep runner. */
export function processChannel(proc: NodeJS.Process = process): SweepChannel {
  return {
    send: (report) => void proc.send?.(report),
    verdict: (epoch) =>
      new Promise((resolve) => {
        const done = (verdict: Verdict | null) => {
          proc.off('message', onMessage);
          proc.off('disconnect', onDisconnect);
          resolve(verdict);
        };
        const onMessage = (message: unknown) => {
          if (isVerdict(message) && message.epoch === epoch) done(message);
        };
        const onDisconnect = () => done(null);
        if (!proc.connected) return resolve(null);
        proc.on('message', onMessage);
        proc.on('disconnect', onDisconnect);
      }),
  };
}

export interface ReportToSweepArgs extends EventCallbackArgs {
  channel: SweepChannel;
}

/**
 * Reports each epoch's logs to the sweep runner and waits for its verdict, so the runner's median
 * stopping rule decides with every epoch of every trial in view. A stop ends training after this
 * epoch, as EarlyStopping does: the run finishes, with its checkpoints and test metrics, and an event
 * that says why. Without a runner on the line it trains on.
 */
export class ReportToSweep extends EventCallback {
  private readonly channel: SweepChannel;

  constructor(args: ReportToSweepArgs) {
    super(args);
    this.channel = args.channel;
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const verdict = this.channel.verdict(epoch + 1);
    this.channel.send({ type: 'epoch', epoch: epoch + 1, logs: await resolveLogs(logs) });
    const answer = await verdict;
    if (!answer?.stop) return;
    this.model.stopTraining = true;
    this.emit({ kind: MEDIAN_STOPPING_EVENT, reason: answer.reason ?? 'stopped by the sweep', data: { epoch: epoch + 1 } });
  }
}
