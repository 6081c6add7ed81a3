import * as tf from '@tensorflow/tfjs';
import { resolve } from 'node:path';
import { EventCallback, type EventSink } from './training-event';

/** What a `--callbacks` module's factory is given. */
export interface UserCallbackContext {
  runId: string;
  /** Reports an event on the run's charts; EventCallback subclasses get it without asking. */
  sink: EventSink;
  /** The run's flags, e.g. to find its epochs or checkpoint settings. */
  flags: Readonly<Record<string, unknown>>;
}

type Callbacks = tf.Callback | tf.CustomCallback | (tf.Callback | tf.CustomCallback)[];

function isCallback(value: unknown): value is tf.Callback | tf.CustomCallback {
  return value instanceof tf.Callback || value instanceof tf.CustomCallback;
}

/**
 * Loads user-written callbacks: each module exports `callbacks`, which is a tf.Callback, an array of
 * them, or a (possibly async) function of a UserCallbackContext returning those. EventCallback
 * instances built without a sink are given the run's, so their events reach the dashboard.
 */
export async function loadUserCallbacks(paths: readonly string[], context: UserCallbackContext): Promise<(tf.Callback | tf.CustomCallback)[]> {
  const out: (tf.Callback | tf.CustomCallback)[] = [];
  for (const path of paths) {
    let module: { callbacks?: unknown };
    try {
      module = (await import(resolve(path))) as { callbacks?: unknown };
    } catch (e) {
      throw new Error(`--callbacks ${path}: could not load the module: ${(e as Error).message}`);
    }
    const exported = typeof module.callbacks === 'function' ? await (module.callbacks as (c: UserCallbackContext) => Callbacks | Promise<Callbacks>)(context) : module.callbacks;
    const list: unknown[] = Array.isArray(exported) ? exported : [exported];
    if (exported === undefined || !list.every(isCallback)) {
      throw new Error(`--callbacks ${path}: the module must export \`callbacks\`: a tf.Callback, an array of them, or a function returning them (see trainer/callbacks/examples/)`);
    }
    for (const callback of list) if (callback instanceof EventCallback) callback.setEventSink(context.sink);
    out.push(...(list as (tf.Callback | tf.CustomCallback)[]));
  }
  return out;
}
