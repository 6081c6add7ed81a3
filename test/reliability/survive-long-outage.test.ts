import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

const MEMORY = 1024 * 1024;
/** Far more than MEMORY holds: about 60 bytes of JSON per step of these three tags. */
const STEPS = 100_000;

test('a long outage keeps the outbox within its memory, spills to the journal, and loses nothing', async (t) => {
  const dir = tempDir(t);
  const journalDir = join(dir, 'outbox');
  let server = await startSocketServer(join(dir, 'outage.db'));
  const port = server.port;
  const run = new Run({ server: server.url, name: 'outage', maxOutboxBytes: MEMORY, journalDir, onError: () => undefined });
  t.after(() => run.close());
  run.log({ loss: 1, acc: 0, lr: 0.1 }, 0);
  assert.equal(await run.drained(5000), true);
  await server.close();

  let peak = 0;
  for (let step = 1; step <= STEPS; step++) {
    run.log({ loss: 1 / step, acc: step / STEPS, lr: 0.1 }, step);
    if (step % 1000 === 0) peak = Math.max(peak, run.held().bytesInMemory);
  }
  await run.drained(0);
  const held = run.held();
  assert.ok(peak <= MEMORY, `held ${peak} bytes in memory, bound ${MEMORY}`);
  assert.ok(held.journaled > 0 && held.journaled < held.messages, `${held.journaled} of ${held.messages} messages journaled`);
  assert.ok(readdirSync(journalDir).length > 0, 'the journal is on disk');

  server = await startSocketServer(join(dir, 'outage.db'), port);
  t.after(() => server.close());
  assert.equal(await run.finish('finished', undefined, 60_000), true, JSON.stringify(run.delivery()).slice(0, 2000));
  for (const tag of ['loss', 'acc', 'lr']) assert.equal(server.app.read.scalar.series(run.id, tag, 10).count, STEPS + 1, tag);
  assert.equal(server.app.store.getRun(run.id)!.status, 'finished');
  assert.deepEqual(readdirSync(journalDir), [], 'the journal is gone once delivered');
});
