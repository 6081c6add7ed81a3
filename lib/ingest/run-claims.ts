import { createHash, timingSafeEqual } from 'node:crypto';
import type { RunStartMessage, RunStatusMessage } from '../protocol/ingest-messages';
import type { Store } from '../storage/store';

/** Only a hash is stored: the database, or a backup of it, does not hand out the secrets. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function holds(secret: string | undefined, hash: string | null): boolean {
  if (secret === undefined || hash === null) return false;
  return timingSafeEqual(Buffer.from(hashSecret(secret), 'hex'), Buffer.from(hash, 'hex'));
}

/**
 * Why a message may not take the run over, or null when it may. A run.start of an existing run
 * must carry the run's secret, when the run has one; reopening a run that ended always must.
 */
export function refuseTakeover(store: Store, message: RunStartMessage | RunStatusMessage): string | null {
  const runId = message.type === 'run.start' ? message.run.id : message.runId;
  const owner = store.runOwnership(runId);
  if (!owner) return null;
  if (message.type === 'run.start') {
    if (owner.secretHash === null || holds(message.secret, owner.secretHash)) return null;
    return `run "${runId}" was started by another client: only the run's own secret resumes it`;
  }
  if (message.status !== 'running' || owner.status === 'running' || holds(message.secret, owner.secretHash)) return null;
  return `run "${runId}" has ${owner.status === 'crashed' ? 'crashed' : owner.status === 'failed' ? 'failed' : 'finished'}: only the run's own secret reopens it`;
}
