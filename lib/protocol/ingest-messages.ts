import { z } from 'zod';
import { runSourceSchema } from './run-source';
import { PROTOCOL_VERSION } from './version';
import { TIMESTAMP_RULE, isTimestampMs } from './timestamp';
import { jsonObjectSchema } from './json-value';

/** Run ids are chosen by the client so that a resent run.start after a reconnect is idempotent. */
export const runIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'run id must be 1-64 letters, digits, "_" or "-"')
  .describe('Client-chosen run id');

/** What a client reports about its own run. */
export const reportedStatusValues = ['running', 'finished', 'failed'] as const;
export type ReportedStatus = (typeof reportedStatusValues)[number];

/** What a run can be: `crashed` only the server decides, when a run stops being heard from. */
export const runStatusValues = [...reportedStatusValues, 'crashed'] as const;
export type RunStatus = (typeof runStatusValues)[number];

/** Drawn by the client when it creates a run, and kept to resume it: only its holder may take the run over. */
const secretSchema = z.string().min(16).max(200).describe("The run's secret");

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
    config: jsonObjectSchema().default({}),
    startedAt: z.number().refine(isTimestampMs, TIMESTAMP_RULE).describe('Wall time in ms since the epoch'),
    source: runSourceSchema.optional().describe('Set by the logdir importer: the TensorBoard folder the run was read from'),
  }),
  secret: secretSchema.optional(),
});

export const runStatusSchema = z.object({
  ...header,
  type: z.literal('run.status'),
  runId: runIdSchema,
  status: z.enum(reportedStatusValues),
  error: z.string().max(10_000).optional(),
  at: z.number().refine(isTimestampMs, TIMESTAMP_RULE),
  secret: secretSchema.optional(),
});

/**
 * A data kind's message: the header, its type, the run it belongs to, and the kind's own fields.
 * Each kind declares its messages with this (lib/kinds/<kind>/schema.ts); the ingest union lists them.
 */
export function kindMessageSchema<T extends string, S extends z.ZodRawShape>(type: T, fields: S) {
  return z.object({ ...header, type: z.literal(type), runId: runIdSchema, ...fields });
}

export type RunStartMessage = z.infer<typeof runStartSchema>;
export type RunStartFields = RunStartMessage['run'];
export type RunStatusMessage = z.infer<typeof runStatusSchema>;

/** Server → client replies on the ingest socket. */
export type IngestReply =
  | { v: typeof PROTOCOL_VERSION; type: 'ack'; seq: number }
  | { v: typeof PROTOCOL_VERSION; type: 'error'; seq: number | null; code: IngestErrorCode; message: string };

export type IngestErrorCode = 'invalid_json' | 'invalid_message' | 'unsupported_version' | 'too_large' | 'unknown_run' | 'run_deleted' | 'forbidden' | 'storage';
