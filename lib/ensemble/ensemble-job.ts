import { z } from 'zod';
import { runIdSchema } from '../protocol/ingest-messages';

/**
 * "Ensemble these runs" from the dashboard: the server runs `npm run ensemble`'s code as a child
 * process (a job) and the page polls the job for its output until it links to the ensemble run.
 */

export const MAX_MEMBERS = 20;

/** POST /api/ensembles */
export const ensembleRequestSchema = z.object({
  runs: z
    .array(runIdSchema)
    .min(2, 'an ensemble needs two or more runs')
    .max(MAX_MEMBERS, `at most ${MAX_MEMBERS} runs`)
    .refine((runs) => new Set(runs).size === runs.length, 'a run is listed twice'),
  weights: z.enum(['equal', 'optimize']).default('equal'),
  name: z.string().min(1).max(200).optional(),
});
export type EnsembleRequest = z.infer<typeof ensembleRequestSchema>;

export const JOB_STATES = ['running', 'finished', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A job as GET /api/ensembles/jobs/{id} serves it. */
export interface EnsembleJob {
  id: string;
  runs: string[];
  weights: EnsembleRequest['weights'];
  state: JobState;
  /** What the command printed, oldest first (the last MAX_JOB_LINES lines). */
  lines: string[];
  /** The ensemble run, once the command stored it. */
  runId: string | null;
  /** Why it failed: the command's own message. */
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export const MAX_JOB_LINES = 500;

/** The line the ensemble command prints once its run is stored; the job reads the run id from it. */
export const ENSEMBLE_RUN_LINE = 'stored as ensemble run ';

/**
 * The command's arguments for a request, as `npm run ensemble -- …` takes them. Values go in the
 * `--flag=value` form: a run id or a name may begin with '-', and must not read as a flag.
 */
export function ensembleArgs(request: EnsembleRequest, server: string): string[] {
  return [`--runs=${request.runs.join(',')}`, `--weights=${request.weights}`, ...(request.name ? [`--run-name=${request.name}`] : []), `--server=${server}`];
}
