import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

test('steps whose metrics straddle the batch limit are all stored: no batch exceeds what the server takes', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'batches.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'three-metrics', flushIntervalMs: 60_000 });
  t.after(() => run.close());
  for (let step = 1; step <= 7000; step++) run.log({ loss: 1 / step, acc: step / 7000, lr: 0.01 }, step);
  assert.equal(await run.finish(), true, JSON.stringify(run.delivery().refused[0]));
  for (const tag of ['loss', 'acc', 'lr']) assert.equal(server.app.read.scalar.series(run.id, tag, 10).count, 7000, tag);
});
