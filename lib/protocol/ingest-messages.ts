import { z } from 'zod';
import { PROTOCOL_VERSION } from './version';
import { scalarBatchSchema } from '../kinds/scalar/schema';
import { histogramBatchSchema } from '../kinds/histogram/schema';
import { vocabularySchema } from './vocabulary-schema';
import { modelGraphSchema } from '../kinds/graph/schema';
import { eventBatchSchema } from '../kinds/event/schema';
import { checkEmbeddingChunk, embeddingChunkFields } from '../kinds/embedding/schema';

/** Run ids are chosen by the client so that a resent run.start after a reconnect is idempotent. */
export const runIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'run id must be 1-64 letters, digits, "_" or "-"')
  .describe('Client-chosen run id');

export const runStatusValues = ['running', 'finished', 'failed'] as const;
export type RunStatus = (typeof runStatusValues)[number];

const header = {
  v: z.literal(PROTOCOL_VERSION),
  seq: z.number().int().nonnegative().describe('Client sequence number, echoed in the ack'),
};

export const runStartSchema = z.object({
  ...header,
  type: z.literal('run.start'),
  run: z.object({
    id: runIdSchema,
    name: z.string().min(1).max(200),
    model: z.string().max(200).default(''),
    backend: z.string().max(200).default(''),
    config: z.record(z.string(), z.unknown()).default({}),
    startedAt: z.number().describe('Wall time in ms since the epoch'),
  }),
});

export const runStatusSchema = z.object({
  ...header,
  type: z.literal('run.status'),
  runId: runIdSchema,
  status: z.enum(runStatusValues),
  error: z.string().max(10_000).optional(),
  at: z.number(),
});

export const scalarsMessageSchema = z.object({
  ...header,
  type: z.literal('scalars'),
  runId: runIdSchema,
  points: scalarBatchSchema,
});

export const histogramsMessageSchema = z.object({
  ...header,
  type: z.literal('histograms'),
  runId: runIdSchema,
  histograms: histogramBatchSchema,
});

export const vocabularyMessageSchema = z.object({
  ...header,
  type: z.literal('vocabulary'),
  runId: runIdSchema,
  vocabulary: vocabularySchema,
});

/** One chunk of rows of an embedding snapshot (a whole matrix exceeds the message limit). */
export const embeddingMessageSchema = z
  .object({
    ...header,
    type: z.literal('embedding'),
    runId: runIdSchema,
    ...embeddingChunkFields,
  })
  .superRefine(checkEmbeddingChunk);

/** What callbacks did (checkpoint saved, learning rate reduced, stopped early, or a user kind), with why. */
export const eventsMessageSchema = z.object({
  ...header,
  type: z.literal('events'),
  runId: runIdSchema,
  events: eventBatchSchema,
});

/** The run's model graph, sent once at the start of training; a resend replaces it. */
export const graphMessageSchema = z.object({
  ...header,
  type: z.literal('graph'),
  runId: runIdSchema,
  graph: modelGraphSchema,
});

export const ingestMessageSchema = z.discriminatedUnion('type', [
  runStartSchema,
  runStatusSchema,
  scalarsMessageSchema,
  histogramsMessageSchema,
  vocabularyMessageSchema,
  graphMessageSchema,
  eventsMessageSchema,
  embeddingMessageSchema,
]);

export type IngestMessage = z.infer<typeof ingestMessageSchema>;
export type RunStartMessage = z.infer<typeof runStartSchema>;
export type RunStartFields = RunStartMessage['run'];

/** Distributes Omit over the union so each message keeps its own fields. */
export type IngestPayload = IngestMessage extends infer M ? (M extends IngestMessage ? Omit<M, 'v' | 'seq'> : never) : never;

/** Server → client replies on the ingest socket. */
export type IngestReply =
  | { v: typeof PROTOCOL_VERSION; type: 'ack'; seq: number }
  | { v: typeof PROTOCOL_VERSION; type: 'error'; seq: number | null; code: IngestErrorCode; message: string };

export type IngestErrorCode = 'invalid_json' | 'invalid_message' | 'unsupported_version' | 'too_large' | 'unknown_run' | 'storage';
