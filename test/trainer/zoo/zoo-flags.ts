import { parseTrainFlags, type TrainFlags } from '../../../trainer/flags';
import { makeFixtureTarball, manyReviews } from '../data/imdb-fixture';

let fixture: string | undefined;

/** A tiny aclImdb archive (30 reviews a split), written once per process. */
export function tinyImdb(): string {
  fixture ??= makeFixtureTarball(manyReviews(15));
  return fixture;
}

/**
 * Flags for a tiny run of a zoo model: 20 samples, 4 held out for validation, batches of 8,
 * so one epoch is exactly 2 training batches; 8 test samples; histograms every epoch.
 */
export function tinyRunFlags(model: string, server: string, extra: string[] = []): TrainFlags {
  const flags = parseTrainFlags([
    '--model', model, '--epochs', '1', '--batch-size', '8', '--train-samples', '20', '--test-samples', '8',
    '--validation-split', '0.2', '--histogram-freq', '1', '--max-len', '60', '--max-features', '50',
    '--backend', 'wasm', '--server', server, '--data', tinyImdb(), '--run-name', model, ...extra,
  ]);
  if (typeof flags === 'string') throw new Error(`unexpected ${flags}`);
  return flags;
}
