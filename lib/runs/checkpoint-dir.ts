import { dirname, join } from 'node:path';
import { runIdSchema } from '../protocol/ingest-messages';

/**
 * Where a run's ModelCheckpoint files are: the trainer writes them to logs/checkpoints/<run id>/
 * (trainer/callbacks/from-flags.ts), and logs/ is the folder of the database. The id is checked
 * again here, as it becomes part of a path that gets deleted.
 */
export function checkpointDir(dbPath: string, runId: string): string {
  return join(dirname(dbPath), 'checkpoints', runIdSchema.parse(runId));
}
