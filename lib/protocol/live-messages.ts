import { z } from 'zod';
import type { LivePoint } from '../kinds/scalar/points';
import type { HistogramSnapshot } from '../kinds/histogram/meta';
import type { EmbeddingsEvent, ProjectionEvent } from '../kinds/embedding/meta';
import type { TrainingEvent } from '../kinds/event/meta';
import type { WireRunSummary } from '../api/wire-run';
import { runIdSchema } from './ingest-messages';

/** Dashboard → server on the live socket. */
export const liveRequestSchema = z.discriminatedUnion('topic', [
  z.object({ type: z.literal('subscribe'), topic: z.literal('runs') }),
  z.object({ type: z.literal('subscribe'), topic: z.literal('run'), runId: runIdSchema }),
]);
export type LiveRequest = z.infer<typeof liveRequestSchema>;

/** Server → dashboard pushes; values use the same NaN/Infinity encoding as ingest. */
export type LiveEvent =
  | { type: 'runs'; runs: WireRunSummary[] }
  | { type: 'run'; run: WireRunSummary }
  | { type: 'scalars'; runId: string; points: LivePoint[] }
  | { type: 'histograms'; runId: string; histograms: HistogramSnapshot[] }
  | { type: 'events'; runId: string; events: TrainingEvent[] }
  | EmbeddingsEvent
  | ProjectionEvent
  | { type: 'error'; message: string };
