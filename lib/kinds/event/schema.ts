import { z } from 'zod';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { MAX_EVENTS_PER_BATCH } from './meta';
import { TIMESTAMP_RULE, isTimestampMs } from '../../protocol/timestamp';
import { refuseProtoKey } from '../../protocol/json-value';

export const eventKindSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'event kind must be 1-64 letters, digits, "_", "." or "-"')
  .describe("'checkpoint', 'reduce_lr', 'early_stopping' or a user callback's own kind");

const eventValueSchema = z.union([
  z.number().refine(Number.isFinite, 'a number in event data must be finite; send NaN and infinities as "NaN", "Infinity"'),
  z.string().max(1000),
  z.boolean(),
  z.null(),
]);

const MAX_DATA_KEYS = 32;

/** One training event as the trainer sends it. */
export const wireEventSchema = z.object({
  step: z.number().int().nonnegative().refine(Number.isSafeInteger, 'step must be a safe integer'),
  wallTime: z.number().refine(isTimestampMs, TIMESTAMP_RULE),
  kind: eventKindSchema,
  reason: z.string().min(1).max(2000).describe('Human-readable: why the callback acted'),
  data: refuseProtoKey(
    z.record(z.string().max(100), eventValueSchema).refine((d) => Object.keys(d).length <= MAX_DATA_KEYS, `at most ${MAX_DATA_KEYS} data fields`),
  ).default({}),
});

export const eventBatchSchema = z.array(wireEventSchema).min(1).max(MAX_EVENTS_PER_BATCH);

/** What callbacks did (checkpoint saved, learning rate reduced, stopped early, or a user kind), with why. */
export const eventsMessageSchema = kindMessageSchema('events', { events: eventBatchSchema });
export type EventsMessage = z.infer<typeof eventsMessageSchema>;

/** `GET /api/runs/{id}/events?kind=…`: the kind filter is optional. */
export const eventQuerySchema = z.object({ kind: eventKindSchema.optional() });
