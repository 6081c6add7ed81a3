import { z } from 'zod';

/**
 * Where a run came from when Tensorlens did not record it itself: a TensorBoard logdir it imported.
 * Native runs have none. The run page lists all of it; the run list marks the run and shows `path`.
 */
export const MAX_SOURCE_ENTRIES = 200;

const line = z.string().max(2000);

export const runSourceSchema = z.object({
  format: z.literal('tensorboard'),
  /** The run's folder (the Keras fit's folder for a train/validation pair). */
  path: z.string().min(1).max(4096),
  /** For people: how the folders became this run, and what was changed on the way (tag names, steps). */
  details: z.array(line).max(MAX_SOURCE_ENTRIES),
  /** Tags the store could not hold as written, and the names they are shown under. */
  renamedTags: z.array(z.object({ tag: z.string().max(4000), shownAs: z.string().max(400) })).max(MAX_SOURCE_ENTRIES * 5),
  /** The experiment's metrics (hparams plugin), as the run's scalar tags name them. */
  metrics: z.array(z.string().max(400)).max(MAX_SOURCE_ENTRIES),
  /** Summaries Tensorlens does not show, by tag and plugin, with how many and why when it is not obvious. */
  notShown: z
    .array(z.object({ tag: z.string().max(400), plugin: z.string().max(200), count: z.number().int().positive(), reason: line.optional() }))
    .max(MAX_SOURCE_ENTRIES),
  /** Damage found in the event files: records skipped, bytes passed over. */
  problems: z
    .array(z.object({ file: z.string().max(4096), kind: z.string().max(40), count: z.number().int().nonnegative(), message: line }))
    .max(MAX_SOURCE_ENTRIES),
});

export type RunSource = z.infer<typeof runSourceSchema>;
