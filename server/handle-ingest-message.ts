import type { RawData } from 'ws';
import { ZodError } from 'zod';
import { IngestErrorCode, IngestMessage, IngestReply, ingestMessageSchema } from '../lib/protocol/ingest-messages';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../lib/protocol/version';
import { fromColumns } from '../lib/kinds/scalar/schema';
import type { Store } from '../lib/storage/store';
import { decodeEmbeddingChunk } from '../lib/kinds/embedding/schema';
import { projectionsFor } from '../lib/kinds/embedding/projection-registry';
import type { LiveHub } from './live-hub';

class IngestError extends Error {
  constructor(readonly code: IngestErrorCode, message: string, readonly seq: number | null) {
    super(message);
  }
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

function describe(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message}`)
    .join('; ');
}

/** Validates at the edge: after this, the message is trusted. The seq is salvaged for the error reply. */
function parse(data: RawData): IngestMessage {
  if (byteLength(data) > MAX_MESSAGE_BYTES) {
    throw new IngestError('too_large', `message of ${byteLength(data)} bytes exceeds the ${MAX_MESSAGE_BYTES}-byte limit; send smaller batches`, null);
  }
  let json: unknown;
  try {
    json = JSON.parse(text(data));
  } catch (e) {
    throw new IngestError('invalid_json', `message is not valid JSON: ${(e as Error).message}`, null);
  }
  const seq = typeof (json as { seq?: unknown })?.seq === 'number' ? (json as { seq: number }).seq : null;
  const v = (json as { v?: unknown })?.v;
  if (v !== PROTOCOL_VERSION) {
    throw new IngestError('unsupported_version', `protocol version ${JSON.stringify(v)} is not supported; this server speaks v${PROTOCOL_VERSION}`, seq);
  }
  const parsed = ingestMessageSchema.safeParse(json);
  if (!parsed.success) throw new IngestError('invalid_message', describe(parsed.error), seq);
  return parsed.data;
}

function requireRun(store: Store, runId: string, seq: number): void {
  if (!store.hasRun(runId)) throw new IngestError('unknown_run', `run "${runId}" was never started; send run.start first`, seq);
}

function apply(store: Store, hub: LiveHub, message: IngestMessage): void {
  switch (message.type) {
    case 'run.start':
      store.upsertRun(message.run);
      hub.runChanged(message.run.id);
      return;
    case 'run.status':
      requireRun(store, message.runId, message.seq);
      store.setRunStatus(message.runId, message.status, message.error ?? null, message.at);
      hub.runChanged(message.runId);
      return;
    case 'scalars': {
      requireRun(store, message.runId, message.seq);
      const batch = fromColumns(message.points);
      store.writeScalars(message.runId, batch);
      hub.scalarsAdded(message.runId, batch);
      return;
    }
    case 'histograms':
      requireRun(store, message.runId, message.seq);
      store.writeHistograms(message.runId, message.histograms);
      hub.histogramsAdded(message.runId, message.histograms);
      return;
    case 'vocabulary':
      requireRun(store, message.runId, message.seq);
      store.writeVocabulary(message.runId, message.vocabulary);
      return;
    case 'graph':
      requireRun(store, message.runId, message.seq);
      store.writeGraph(message.runId, message.graph);
      return;
    case 'embedding': {
      requireRun(store, message.runId, message.seq);
      if (!store.writeEmbeddingChunk(message.runId, decodeEmbeddingChunk(message))) return;
      hub.embeddingsCompleted(message.runId);
      projectionsFor(store.path)?.snapshotCompleted(message.runId, message.tag, message.step);
      return;
    }
    case 'events':
      requireRun(store, message.runId, message.seq);
      store.writeEvents(message.runId, message.events);
      hub.eventsAdded(message.runId, message.events);
      return;
  }
}

/**
 * Turns one raw socket message into exactly one reply. Never throws: a bad message is
 * answered with an error and leaves everything already stored untouched.
 */
export function handleIngestMessage(store: Store, hub: LiveHub, data: RawData): IngestReply {
  let seq: number | null = null;
  try {
    const message = parse(data);
    seq = message.seq;
    apply(store, hub, message);
    return { v: PROTOCOL_VERSION, type: 'ack', seq: message.seq };
  } catch (e) {
    if (e instanceof IngestError) return { v: PROTOCOL_VERSION, type: 'error', seq: e.seq, code: e.code, message: e.message };
    return { v: PROTOCOL_VERSION, type: 'error', seq, code: 'storage', message: `could not store the message: ${(e as Error).message}` };
  }
}
