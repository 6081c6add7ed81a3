import { z } from 'zod';
import { runIdSchema } from './ingest-messages';

/** Dashboard → server on the live socket. */
export const liveRequestSchema = z.discriminatedUnion('topic', [
  z.object({ type: z.literal('subscribe'), topic: z.literal('runs') }),
  z.object({ type: z.literal('subscribe'), topic: z.literal('run'), runId: runIdSchema }),
]);
export type LiveRequest = z.infer<typeof liveRequestSchema>;
