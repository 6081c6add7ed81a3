import * as tf from '@tensorflow/tfjs';
import type { TrainingEventInput } from '../../../trainer/callbacks/training-event';

/** A compiled one-layer model: the callbacks act on a real optimizer and real variables. */
export function tinyModel(optimizer: tf.Optimizer = tf.train.rmsprop(0.001)): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones', name: 'out' })] });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

/** Drives a callback through fit()'s hooks with a scripted metric sequence instead of real training.
 * Feeds one epoch's logs per value; `play` returns the epoch (0-based) stopTraining was set at, or null. */
export function scripted(callback: tf.Callback, model: tf.LayersModel): { play(values: (number | undefined)[], metric?: string): Promise<number | null> } {
  callback.setModel(model);
  return {
    async play(values, metric = 'val_loss') {
      model.stopTraining = false;
      await callback.onTrainBegin();
      let stoppedAt: number | null = null;
      for (let epoch = 0; epoch < values.length && stoppedAt === null; epoch++) {
        const v = values[epoch];
        await callback.onEpochEnd(epoch, v === undefined ? { loss: 1 } : { loss: 1, [metric]: v });
        if (model.stopTraining) stoppedAt = epoch;
      }
      await callback.onTrainEnd();
      return stoppedAt;
    },
  };
}

export function recorder(): { events: TrainingEventInput[]; warnings: string[]; sink: (e: TrainingEventInput) => void; warnFunc: (m: string) => void } {
  const events: TrainingEventInput[] = [];
  const warnings: string[] = [];
  return { events, warnings, sink: (e) => void events.push(e), warnFunc: (m) => void warnings.push(m) };
}
