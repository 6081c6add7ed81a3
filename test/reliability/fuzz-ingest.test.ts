import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Run } from '../../lib/client/run';
import { closeApp } from '../../lib/app-context';
import type { IngestReply } from '../../lib/protocol/ingest-messages';
import { handleIngestMessage } from '../../server/handle-ingest-message';
import { LiveHub } from '../../server/live-hub';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';
import { apiSnapshot } from './api-snapshot';
import { REF, VALID, malformedMessages } from './malformed-messages';

const COUNT = 2400;

async function ingestSocket(port: number): Promise<{ ws: WebSocket; replies: IngestReply[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/ingest`);
  const replies: IngestReply[] = [];
  ws.on('message', (data) => replies.push(JSON.parse(data.toString()) as IngestReply));
  await new Promise((resolve) => ws.once('open', resolve));
  return { ws, replies };
}

test(`${COUNT} malformed messages get one error reply each, and change nothing stored`, async (t) => {
  const dbPath = join(tempDir(t), 'fuzz.db');
  const server = await startSocketServer(dbPath);
  t.after(() => server.close());
  process.env.TENSORLENS_DB = dbPath;
  t.after(() => closeApp(dbPath));

  // Stored through the ingest handler, but on no connection: the heartbeat never touches it.
  const hub = new LiveHub(server.app);
  t.after(() => hub.close());
  for (const type of ['start', 'scalars', 'histograms', 'events', 'vocabulary', 'graph', 'embedding', 'text', 'status']) {
    const reply = handleIngestMessage(server.app, { live: hub, projections: null }, Buffer.from(JSON.stringify(VALID[type]())));
    assert.equal(reply.type, 'ack', `${type}: ${JSON.stringify(reply)}`);
  }
  const before = await apiSnapshot(REF, 'loss', 'dense/kernel', 'reviews');

  const fuzzer = await ingestSocket(server.port);
  t.after(() => fuzzer.ws.close());
  const messages = malformedMessages(COUNT);
  for (const message of messages) fuzzer.ws.send(message);
  await until(() => fuzzer.replies.length >= COUNT, 'a reply to every message');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(fuzzer.replies.length, COUNT, 'exactly one reply each');
  const codes = new Map<string, number>();
  for (const [i, reply] of fuzzer.replies.entries()) {
    assert.equal(reply.type, 'error', `message ${i} was accepted: ${String(messages[i]).slice(0, 300)}`);
    if (reply.type === 'error') codes.set(reply.code, (codes.get(reply.code) ?? 0) + 1);
  }
  assert.deepEqual([...codes.keys()].sort(), ['invalid_json', 'invalid_message', 'too_large', 'unknown_run', 'unsupported_version']);
  assert.equal(await apiSnapshot(REF, 'loss', 'dense/kernel', 'reviews'), before, 'the reference run reads the same, byte for byte');

  const after = new Run({ server: server.url, name: 'after the fuzz' });
  after.log({ loss: 1 }, 1);
  assert.equal(await after.finish(), true, 'the server lives on');
});
