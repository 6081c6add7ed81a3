import type { RawData } from 'ws';
import { ZodError } from 'zod';
import { AppContext, IngestMessage, ingestMessageSchema } from '../lib/app-context';
import { dispatchMessage, type IngestServices as DispatchServices } from '../lib/ingest/dispatch-message';
import { IngestError } from '../lib/ingest/ingest-error';
import type { IngestReply } from '../lib/protocol/ingest-messages';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../lib/protocol/version';
import { DataConflict } from '../lib/storage/data-conflict';
import type { LiveHub } from './live-hub';

/** What the connection a message came on wants to know about it. */
export interface IngestSession {
  /** Called once the message of `runId` is stored. */
  spoke(runId: string, message: IngestMessage): void;
}

/** The socket's services: the hub also takes the dashboards' subscriptions. */
export interface IngestServices extends DispatchServices {
  live: LiveHub;
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
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new IngestError('invalid_message', `a message must be a JSON object like {"v":${PROTOCOL_VERSION},"seq":1,"type":"scalars",…}, not ${Array.isArray(json) ? 'an array' : String(json)}`, null);
  }
  const { v, seq: rawSeq } = json as { v?: unknown; seq?: unknown };
  const seq = Number.isSafeInteger(rawSeq) && (rawSeq as number) >= 0 ? (rawSeq as number) : null;
  if (v !== PROTOCOL_VERSION) {
    throw new IngestError('unsupported_version', `protocol version ${JSON.stringify(v)} is not supported; this server speaks v${PROTOCOL_VERSION}`, seq);
  }
  let parsed;
  try {
    parsed = ingestMessageSchema.safeParse(json);
  } catch (e) {
    // A schema that throws is a bug of ours, but the message is still what cannot be stored.
    throw new IngestError('invalid_message', `message could not be validated: ${(e as Error).message}`, seq);
  }
  if (!parsed.success) throw new IngestError('invalid_message', describe(parsed.error), seq);
  return parsed.data;
}

/**
 * Turns one raw socket message into exactly one reply. Never throws: a bad message is
 * answered with an error and leaves everything already stored untouched.
 */
export function handleIngestMessage(app: AppContext, services: IngestServices, data: RawData, session?: IngestSession): IngestReply {
  let seq: number | null = null;
  try {
    const message = parse(data);
    seq = message.seq;
    dispatchMessage(app, services, message);
    session?.spoke(message.type === 'run.start' ? message.run.id : message.runId, message);
    return { v: PROTOCOL_VERSION, type: 'ack', seq: message.seq };
  } catch (e) {
    if (e instanceof IngestError) return { v: PROTOCOL_VERSION, type: 'error', seq: e.seq, code: e.code, message: e.message };
    if (e instanceof DataConflict) return { v: PROTOCOL_VERSION, type: 'error', seq, code: 'invalid_message', message: e.message };
    return { v: PROTOCOL_VERSION, type: 'error', seq, code: 'storage', message: `could not store the message: ${(e as Error).message}` };
  }
}
