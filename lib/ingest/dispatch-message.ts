import { AppContext, IngestMessage, KINDS, Kind, KindMessage, messageType } from '../app-context';
import type { ProjectionJobs } from '../kinds/embedding/projection-jobs';
import type { IngestContext, LivePush, RunPush } from '../kinds/kind';
import { IngestError } from './ingest-error';
import { hashSecret, refuseTakeover } from './run-claims';

/** The dashboards, as ingest reaches them: the kinds' pushes, and run changes for the run list. */
export interface IngestLive extends LivePush<RunPush> {
  /** A run started or changed status: the run list shows it at once. */
  runChanged(runId: string): void;
}

/** What ingest reaches beyond the store: the dashboards, and the server's UMAP queue (null without one). */
export interface IngestServices {
  live: IngestLive;
  projections: ProjectionJobs | null;
}

/** Which kind handles each message type, found by looping over the kinds once. */
const KIND_OF_MESSAGE = new Map<string, Kind>(KINDS.flatMap((kind) => kind.messages.map((schema): [string, Kind] => [messageType(schema), kind])));

function refuseUnowned(app: AppContext, message: Extract<IngestMessage, { type: 'run.start' | 'run.status' }>): void {
  const refusal = refuseTakeover(app.store, message);
  if (refusal) throw new IngestError('forbidden', refusal, message.seq);
}

/** A deleted run stays deleted: its trainer, reconnecting, must not start it again empty. */
function refuseDeleted(app: AppContext, runId: string, seq: number): void {
  const at = app.store.deletedAt(runId);
  if (at !== null) throw new IngestError('run_deleted', `run "${runId}" was deleted at ${new Date(at).toISOString()}; its data is gone and it takes no more writes: start a new run`, seq);
}

/**
 * Stores one validated message and pushes what changed. The socket (server/handle-ingest-message.ts)
 * and the logdir importer (lib/import) both call it, so a message is stored the same way whoever sends it.
 */
export function dispatchMessage(app: AppContext, services: IngestServices, message: IngestMessage): void {
  if (message.type === 'run.start') {
    refuseDeleted(app, message.run.id, message.seq);
    refuseUnowned(app, message);
    app.store.upsertRun(message.run, message.secret === undefined ? null : hashSecret(message.secret));
    services.live.runChanged(message.run.id);
    return;
  }
  if (!app.store.hasRun(message.runId)) {
    refuseDeleted(app, message.runId, message.seq);
    throw new IngestError('unknown_run', `run "${message.runId}" was never started; send run.start first`, message.seq);
  }
  if (message.type === 'run.status') {
    refuseUnowned(app, message);
    app.store.setRunStatus(message.runId, message.status, message.error ?? null, message.at);
    services.live.runChanged(message.runId);
    return;
  }
  const kind = KIND_OF_MESSAGE.get(message.type)!;
  const ingest = kind.ingest as (message: KindMessage, context: IngestContext<unknown, RunPush>) => void;
  ingest(message, { store: app.store, tables: app.tables[kind.name], live: services.live, projections: services.projections });
}
