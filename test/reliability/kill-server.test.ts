import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { createApp } from '../../lib/app-context';
import { tempDir } from '../helpers/temp-dir';
import { exited, listeningPort, spawnScript } from './spawn-script';

const STEPS = 3000;
const TAGS = ['loss', 'acc', 'lr'];
const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

test('kill -9 of the server mid-run, then a restart: every tag has exactly its points', async (t) => {
  const dir = tempDir(t);
  const dbPath = join(dir, 'killed.db');
  const first = spawnScript(t, 'serve-sockets.ts', [dbPath, '0']);
  const port = await listeningPort(first);
  const run = new Run({ server: `http://127.0.0.1:${port}`, name: 'survivor', flushIntervalMs: 5, journalDir: join(dir, 'outbox'), onError: () => undefined });
  t.after(() => run.close());
  const log = (step: number) => run.log({ loss: 1 / step, acc: step / STEPS, lr: 0.01 * (step % 7) }, step);

  for (let step = 1; step <= 1000; step++) log(step);
  assert.equal(await run.drained(30_000), true, 'the first thousand steps are stored');
  for (let step = 1001; step <= 1500; step++) {
    log(step);
    if (step % 50 === 0) await pause();
  }
  first.kill('SIGKILL');
  await exited(first);
  for (let step = 1501; step <= 2000; step++) log(step);
  const second = spawnScript(t, 'serve-sockets.ts', [dbPath, String(port)]);
  await listeningPort(second);
  for (let step = 2001; step <= STEPS; step++) {
    log(step);
    if (step % 50 === 0) await pause();
  }
  assert.equal(await run.finish('finished', undefined, 60_000), true, JSON.stringify(run.delivery()));
  second.kill('SIGKILL');
  await exited(second);

  const app = createApp(dbPath);
  t.after(() => app.store.close());
  assert.deepEqual(app.read.scalar.tags(run.id).map((i) => [i.tag, i.count, i.firstStep, i.lastStep]), [...TAGS].sort().map((tag) => [tag, STEPS, 1, STEPS]));
  const loss = app.read.scalar.series(run.id, 'loss', STEPS).points;
  assert.deepEqual(loss.map(([step]) => step), Array.from({ length: STEPS }, (_, i) => i + 1));
  assert.ok(loss.every(([step, , value]) => value === 1 / step), 'every point holds its own value');
  assert.equal(app.store.getRun(run.id)!.status, 'finished');
});
