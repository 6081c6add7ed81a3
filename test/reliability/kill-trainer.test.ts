import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';
import { exited, spawnScript } from './spawn-script';

test('kill -9 of a trainer: its run is crashed within the grace, saying when it was last heard from', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'trainer.db'), 0, { heartbeatGraceMs: 1000 });
  t.after(() => server.close());
  const trainer = spawnScript(t, 'stream-forever.ts', [server.url, 'doomed']);
  await until(() => (server.app.tables.scalar.listTags('doomed')[0]?.count ?? 0) >= 20, 'the trainer to stream');
  trainer.kill('SIGKILL');
  await exited(trainer);
  await until(() => server.app.store.getRun('doomed')?.status === 'crashed', 'the run to be crashed');
  const run = server.app.store.getRun('doomed')!;
  assert.match(run.error ?? '', /^no heartbeat since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(run.heardAt !== null && run.finishedAt === run.heardAt);
  const lastStep = server.app.tables.scalar.listTags('doomed')[0].lastStep;
  assert.deepEqual(server.app.read.event.list('doomed').events.map((e) => [e.kind, e.step]), [['crashed', lastStep]]);
});
