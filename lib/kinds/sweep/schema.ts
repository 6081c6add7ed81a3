import { z } from 'zod';
import { isWireNumber, type WireNumber } from '../../protocol/wire-number';
import { kindMessageSchema, runIdSchema } from '../../protocol/ingest-messages';
import { SWEEP_METHODS, TRIAL_STATES } from './meta';

const MAX_PARAMS = 50;
const MAX_TRIALS_PER_MESSAGE = 100;
const MAX_EPOCHS = 10_000;

const paramNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/, 'a param name starts with a letter and holds letters, digits, - and _');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const wireNumber = z.custom<WireNumber>(isWireNumber, 'must be a number or "NaN", "Infinity", "-Infinity"');
const paramValueSchema = z.union([finite, z.string().max(200)]);

/** One `--param` of the search space (lib/sweep/space.ts), checked as the parser would have. */
const paramSpecSchema = z.discriminatedUnion('kind', [
  z
    .object({
      name: paramNameSchema,
      kind: z.enum(['uniform', 'loguniform', 'quniform', 'qloguniform', 'int']),
      low: finite,
      high: finite,
      q: finite.refine((q) => q > 0, 'q must be > 0').optional(),
    })
    .refine((p) => p.low < p.high, 'low must be below high'),
  z.object({ name: paramNameSchema, kind: z.literal('choice'), choices: z.array(paramValueSchema).min(2).max(1000) }),
]);

export const sweepDefinitionSchema = z.object({
  name: z.string().min(1).max(200),
  model: z.string().min(1).max(200),
  method: z.enum(SWEEP_METHODS),
  metric: z.string().regex(/^\w{1,100}$/, 'metric must be an epoch metric name such as val_acc'),
  goal: z.enum(['min', 'max']),
  seed: z.number().int().nonnegative().refine(Number.isSafeInteger, 'seed must be a safe integer'),
  maxTrials: z.number().int().min(1).max(100_000),
  space: z
    .array(paramSpecSchema)
    .min(1)
    .max(MAX_PARAMS)
    .refine((space) => new Set(space.map((p) => p.name)).size === space.length, 'a param is named twice'),
  gridPoints: z.number().int().min(1).max(1000),
  medianStopping: z.boolean(),
  parallel: z.number().int().min(1).max(64),
  args: z.array(z.string().max(2000)).max(200),
});

export const sweepTrialSchema = z.object({
  trial: z.number().int().nonnegative().max(100_000),
  runId: runIdSchema,
  params: z.record(paramNameSchema, paramValueSchema).refine((p) => Object.keys(p).length <= MAX_PARAMS, `at most ${MAX_PARAMS} params`),
  state: z.enum(TRIAL_STATES),
  value: wireNumber.nullable(),
  curve: z.array(wireNumber).max(MAX_EPOCHS),
  reason: z.string().max(10_000).nullable(),
  startedAt: finite,
  finishedAt: finite.nullable(),
});

/** A sweep's definition; `runId` is the sweep's id (its runner's run). */
export const sweepMessageSchema = kindMessageSchema('sweep', { definition: sweepDefinitionSchema });
export type SweepMessage = z.infer<typeof sweepMessageSchema>;

/** Trials proposed, started, or ended: each replaces the stored report of its trial number. */
export const sweepTrialsMessageSchema = kindMessageSchema('sweep.trials', {
  trials: z.array(sweepTrialSchema).min(1).max(MAX_TRIALS_PER_MESSAGE),
});
export type SweepTrialsMessage = z.infer<typeof sweepTrialsMessageSchema>;
