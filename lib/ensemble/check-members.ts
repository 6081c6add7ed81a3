import { ApiError } from '../api/errors';
import { ENSEMBLE_MODEL, incompatibilities, taskConfigSchema, type MemberRun } from './task';

interface StoredRun {
  id: string;
  name: string;
  model: string;
  config: Record<string, unknown>;
}

/**
 * What the route can tell before starting the command, with the command's own words: a run that does
 * not exist (404), and runs that cannot be combined (422: no training data description, an ensemble
 * as a member, or another task). What needs the files (the checkpoints) the command itself checks.
 */
export function checkMembers(ids: readonly string[], find: (id: string) => StoredRun | null): void {
  const members: MemberRun[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    const run = find(id);
    if (!run) throw new ApiError('not_found', `run "${id}" not found`);
    const task = taskConfigSchema.safeParse(run.config);
    if (run.model === ENSEMBLE_MODEL) problems.push(`run ${id} (${run.name}) is itself an ensemble: combine its members instead`);
    else if (!task.success) problems.push(`run ${id} (${run.name}) has no training data description in its configuration: was it trained by npm run train?`);
    else members.push({ id, name: run.name, config: task.data });
  }
  if (members.length > 1) problems.push(...incompatibilities(members));
  if (problems.length) throw new ApiError('unprocessable', `these runs cannot be combined:\n  ${problems.join('\n  ')}`);
}
