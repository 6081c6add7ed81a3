import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { CHECKPOINT_EVENT } from '../../lib/kinds/event/meta';
import { Monitor, MONITOR_MODES } from '../callbacks/monitor';
import { MODEL_JSON } from '../io/file-system-handler';
import { fetchApi } from '../io/fetch-api';
import { taskConfigSchema, type MemberRun } from '../../lib/ensemble/task';

const runSchema = z.object({
  id: z.string(),
  name: z.string(),
  model: z.string(),
  status: z.string(),
  config: z.record(z.string(), z.unknown()),
});

const checkpointEventsSchema = z.object({
  events: z.array(
    z.object({
      data: z.object({
        path: z.string(),
        epoch: z.number(),
        monitor: z.string(),
        current: z.union([z.number(), z.string(), z.null()]),
        weightsOnly: z.boolean().optional(),
      }),
    }),
  ),
});

export interface Member extends MemberRun {
  model: string;
  status: string;
  /** The run's whole stored configuration: its training flags, for rebuilding its data. */
  flags: Record<string, unknown>;
  /** The best checkpoint's directory, and the epoch it holds. */
  checkpoint: string;
  epoch: number;
}

type CheckpointEvent = z.infer<typeof checkpointEventsSchema>['events'][number];

/**
 * The run's best checkpoint, as its ModelCheckpoint events tell: with save_best_only each event is an
 * improvement, so the last one; otherwise the epoch whose monitored value is best for the run's mode.
 */
export function bestCheckpoint(events: readonly CheckpointEvent[], flags: Record<string, unknown>): CheckpointEvent | null {
  if (events.length === 0) return null;
  if (flags.saveBestOnly === true) return events[events.length - 1];
  const mode = MONITOR_MODES.find((m) => m === flags.mode);
  const monitor = new Monitor('ensemble', { monitor: events[0].data.monitor, mode });
  const valued = events.filter((e) => typeof e.data.current === 'number' && !Number.isNaN(e.data.current));
  if (valued.length === 0) return events[events.length - 1];
  return valued.reduce((best, e) => (monitor.isImprovement(e.data.current as number, best.data.current as number) ? e : best));
}

/**
 * A run to ensemble, from the server: its configuration (checked for what the task needs) and its
 * best checkpoint, found on this machine relative to the working directory it trained in.
 */
export async function readMember(server: string, runId: string, cwd = process.cwd()): Promise<Member> {
  const path = `/api/runs/${encodeURIComponent(runId)}`;
  const run = await fetchApi(server, path, runSchema);
  const task = taskConfigSchema.safeParse(run.config);
  if (!task.success) throw new Error(`run ${runId} (${run.name}) has no training data description in its configuration: was it trained by npm run train?`);
  const { events } = await fetchApi(server, `${path}/events?kind=${CHECKPOINT_EVENT}`, checkpointEventsSchema);
  const best = bestCheckpoint(events, run.config);
  if (!best) throw new Error(`run ${runId} (${run.name}) saved no checkpoint: train it with --checkpoint (--save-best-only keeps its best epoch)`);
  const checkpoint = resolve(cwd, best.data.path);
  if (best.data.weightsOnly === true) {
    throw new Error(`run ${runId} (${run.name}): its checkpoint holds weights only; an ensemble loads whole models (train without --save-weights-only)`);
  }
  if (!existsSync(join(checkpoint, MODEL_JSON))) {
    throw new Error(`run ${runId} (${run.name}): its best checkpoint ${best.data.path} is not in ${cwd}; run the ensemble where the run trained`);
  }
  return {
    id: run.id,
    name: run.name,
    model: run.model,
    status: run.status,
    config: task.data,
    flags: run.config,
    checkpoint,
    epoch: best.data.epoch,
  };
}
