import type * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import type { TrainFlags } from '../flags';
import { EarlyStopping } from './early-stopping';
import { loadUserCallbacks } from './load-user-callbacks';
import { ModelCheckpoint } from './model-checkpoint';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';
import type { EventSink } from './training-event';

/** One best model per run, or one directory per epoch. */
export function defaultCheckpointPath(runId: string, saveBestOnly: boolean): string {
  return join('logs', 'checkpoints', runId, saveBestOnly ? 'best' : 'epoch-{epoch:03d}');
}

/** The Keras callbacks and user callbacks the flags ask for, all reporting to `sink`. */
export async function callbacksFromFlags(flags: TrainFlags, runId: string, sink: EventSink): Promise<(tf.Callback | tf.CustomCallback)[]> {
  const watch = { monitor: flags.monitor, mode: flags.mode, minDelta: flags.minDelta, sink, verbose: 1 as const };
  const out: (tf.Callback | tf.CustomCallback)[] = [];
  if (flags.checkpoint) {
    out.push(new ModelCheckpoint({
      ...watch,
      filepath: flags.checkpointPath ?? defaultCheckpointPath(runId, flags.saveBestOnly === true),
      saveBestOnly: flags.saveBestOnly,
      saveWeightsOnly: flags.saveWeightsOnly,
    }));
  }
  if (flags.reduceLrPatience !== undefined) {
    out.push(new ReduceLROnPlateau({ ...watch, patience: flags.reduceLrPatience, factor: flags.reduceLrFactor, cooldown: flags.reduceLrCooldown, minLr: flags.minLr }));
  }
  if (flags.earlyStoppingPatience !== undefined) {
    out.push(new EarlyStopping({ ...watch, patience: flags.earlyStoppingPatience, restoreBestWeights: flags.restoreBestWeights }));
  }
  out.push(...(await loadUserCallbacks(flags.callbacks ?? [], { runId, sink, flags: { ...flags } })));
  return out;
}
