import * as tf from '@tensorflow/tfjs';
import type { Run } from '../../lib/client/run';
import type { EventValue } from '../../lib/kinds/event/meta';

/** What a callback reports; the sink decides the step it is shown at. */
export interface TrainingEventInput {
  kind: string;
  reason: string;
  data?: Record<string, EventValue>;
}

export type EventSink = (event: TrainingEventInput) => void;

/** Sends events to a Tensorlens run at the step the run's points are at (e.g. TensorlensCallback.globalStep). */
export function runEventSink(run: Run, currentStep: () => number): EventSink {
  return (event) => run.logEvent(event, currentStep());
}

export interface EventCallbackArgs {
  /**
   * Where this callback's events go, e.g. runEventSink(run, …). Without one the callback still
   * acts, as in Keras, and prints its reason when `verbose` is set.
   */
  sink?: EventSink;
  /** 1 prints each event's reason, like Keras' verbose=1. Default 0. */
  verbose?: 0 | 1;
}

/**
 * The base of callbacks whose actions show on the run's charts: the built-in ModelCheckpoint,
 * EarlyStopping and ReduceLROnPlateau, and user callbacks (see examples/).
 */
export abstract class EventCallback extends tf.Callback {
  private sink?: EventSink;
  private readonly verbose: 0 | 1;

  constructor(args: EventCallbackArgs = {}) {
    super();
    this.sink = args.sink;
    this.verbose = args.verbose ?? 0;
  }

  /** For callbacks built without a sink, such as instances a --callbacks module exports. */
  setEventSink(sink: EventSink): void {
    this.sink ??= sink;
  }

  /** Reports one action of this callback; the run shows it as a marker with `reason` in the tooltip. */
  protected emit(event: TrainingEventInput): void {
    if (this.verbose) console.log(`${this.constructor.name}: ${event.reason}`);
    this.sink?.(event);
  }
}
