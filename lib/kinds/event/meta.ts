/** The kind name every layer (protocol, storage, API, view) uses for training events. */
export const EVENT_KIND = 'event';

/** The kinds the built-in Keras callbacks emit; user callbacks may use any other kind name. */
export const CHECKPOINT_EVENT = 'checkpoint';
export const REDUCE_LR_EVENT = 'reduce_lr';
export const EARLY_STOPPING_EVENT = 'early_stopping';

/** The server's own: a run stopped being heard from, and a crashed run spoke again. */
export const CRASHED_EVENT = 'crashed';
export const RESUMED_EVENT = 'resumed';

/** Small, flat data only: an event is a marker with a reason, not a place for tensors. */
export type EventValue = number | string | boolean | null;

/** Largest number of events one message may carry. */
export const MAX_EVENTS_PER_BATCH = 500;

/**
 * One thing that happened during training, at a step of the run's x axis: a checkpoint saved,
 * the learning rate reduced, training stopped early, or anything a user callback reports.
 * Stored once per (run, step, kind, reason), so a resend adds nothing.
 */
export interface TrainingEvent {
  step: number;
  /** ms since the epoch */
  wallTime: number;
  kind: string;
  /** For people: "val_loss improved from 0.4100 to 0.3800, saved logs/checkpoints/…". */
  reason: string;
  data: Record<string, EventValue>;
}

/** The live push of one stored batch. A resent event is pushed again; dashboards merge by eventKey. */
export interface TrainingEventsEvent {
  type: 'events';
  runId: string;
  events: TrainingEvent[];
}

/** The identity of an event: the same key twice is the same event. */
export function eventKey(e: Pick<TrainingEvent, 'step' | 'kind' | 'reason'>): string {
  return `${e.step}\u0000${e.kind}\u0000${e.reason}`;
}

/** Adds incoming events to a list kept in step order, dropping ones already in it. */
export function mergeEvents(current: readonly TrainingEvent[], incoming: readonly TrainingEvent[]): TrainingEvent[] {
  const seen = new Set(current.map(eventKey));
  const fresh = incoming.filter((e) => {
    const key = eventKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (fresh.length === 0) return current as TrainingEvent[];
  return [...current, ...fresh].sort((a, b) => a.step - b.step || a.wallTime - b.wallTime);
}
