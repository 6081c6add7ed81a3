import { z } from 'zod';

/** The model name of the runs `npm run ensemble` stores. */
export const ENSEMBLE_MODEL = 'ensemble';

/**
 * What a run's data was, read from its stored configuration: an ensemble averages predictions on one
 * test set, so its members must read the same examples encoded the same way, and weights tuned on
 * the validation split need every member to have held out the same validation examples.
 */
export const taskConfigSchema = z.object({
  seed: z.number(),
  validationSplit: z.number(),
  maxLen: z.number(),
  maxFeatures: z.number(),
  data: z.object({
    dataset: z.string(),
    task: z.string().optional(),
    trainSamples: z.number(),
    /** Present for the IMDB reviews: the vocabulary counted from them. */
    distinctWords: z.number().optional(),
  }),
});
export type TaskConfig = z.infer<typeof taskConfigSchema>;

/** A run as the ensemble sees it. */
export interface MemberRun {
  id: string;
  name: string;
  config: TaskConfig;
}

interface TaskField {
  label: string;
  read(config: TaskConfig): unknown;
  /** Why a difference in this field keeps runs apart. */
  why: string;
  /** Whether the field matters for this data (the vocabulary only does for text). */
  applies?(config: TaskConfig): boolean;
}

const isText = (config: TaskConfig) => config.data.distinctWords !== undefined;

const FIELDS: TaskField[] = [
  { label: 'data', read: (c) => c.data.dataset, why: 'it was trained on other data' },
  { label: 'task', read: (c) => c.data.task ?? 'the dataset\'s own labels', why: 'it learned another task' },
  { label: 'max-len', read: (c) => c.maxLen, why: 'its reviews are cut to another length, so its inputs differ', applies: isText },
  { label: 'max-features', read: (c) => c.maxFeatures, why: 'its vocabulary has another size, so its word ids differ', applies: isText },
  { label: 'seed', read: (c) => c.seed, why: 'another seed draws other training, validation and test examples' },
  { label: 'training samples', read: (c) => c.data.trainSamples, why: 'another training subset holds out other validation examples' },
  { label: 'validation-split', read: (c) => c.validationSplit, why: 'it held out another validation split' },
];

/**
 * Why each run cannot join the first one, one line per run and difference; empty when all of them
 * share the first run's task.
 */
export function incompatibilities(members: readonly MemberRun[]): string[] {
  const [first, ...rest] = members;
  const problems: string[] = [];
  for (const run of rest) {
    for (const field of FIELDS) {
      if (field.applies && !field.applies(first.config) && !field.applies(run.config)) continue;
      const [mine, theirs] = [field.read(run.config), field.read(first.config)];
      if (mine === theirs) continue;
      problems.push(`run ${run.id} (${run.name}) cannot join run ${first.id} (${first.name}): ${field.label} ${JSON.stringify(mine)}, not ${JSON.stringify(theirs)}: ${field.why}`);
    }
  }
  return problems;
}
