import assert from 'node:assert/strict';
import type { AppContext } from '../../lib/app-context';
import type { IngestReply } from '../../lib/protocol/ingest-messages';
import { handleIngestMessage } from '../../server/handle-ingest-message';
import { LiveHub } from '../../server/live-hub';
import { tempApp } from './temp-app';

export interface IngestHarness {
  app: AppContext;
  /** Hands one raw message (an object is sent as its JSON) to the ingest dispatcher, as the socket does. */
  send(message: unknown): IngestReply;
}

/** A fresh app with run `run-1` started through ingest itself. */
export function ingestHarness(t: Parameters<typeof tempApp>[0]): IngestHarness {
  const app = tempApp(t, 'ingest.db');
  const hub = new LiveHub(app);
  t.after(() => hub.close());
  const send = (message: unknown) => handleIngestMessage(app, { live: hub, projections: null }, Buffer.from(typeof message === 'string' ? message : JSON.stringify(message)));
  assert.deepEqual(send({ v: 1, seq: 1, type: 'run.start', run: { id: 'run-1', name: 'first', config: {}, startedAt: 1 } }), { v: 1, type: 'ack', seq: 1 });
  return { app, send };
}

/** The error reply's code and message, or the ack's type, for one assertion. */
export function outcome(reply: IngestReply): [string, string] {
  return reply.type === 'error' ? [reply.code, reply.message] : ['ack', ''];
}
