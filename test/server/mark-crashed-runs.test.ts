import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { createApp } from '../../lib/app-context';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';

const GRACE = { heartbeatGraceMs: 300 };

test('a run whose trainer went away without a word is crashed after the grace, then resumes when it speaks again', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'crash.db'), 0, GRACE);
  t.after(() => server.close());
  const first = new Run({ server: server.url, name: 'vanishing', id: 'vanishing' });
  first.log({ loss: 0.5 }, 7);
  assert.equal(await first.drained(5000), true);
  first.close();
  await until(() => server.app.store.getRun('vanishing')?.status === 'crashed', 'the run to be crashed');
  const crashed = server.app.store.getRun('vanishing')!;
  assert.match(crashed.error ?? '', /^no heartbeat since \d{4}-\d\d-\d\dT/);
  assert.ok(crashed.heardAt !== null && crashed.finishedAt === crashed.heardAt, 'it ended when it was last heard from');
  assert.deepEqual(server.app.read.event.list('vanishing').events.map((e) => [e.kind, e.step]), [['crashed', 7]]);

  const again = new Run({ server: server.url, name: 'vanishing', id: 'vanishing', secret: first.secret });
  t.after(() => again.close());
  assert.equal(await again.drained(5000), true);
  await until(() => server.app.store.getRun('vanishing')?.status === 'running', 'the run to resume');
  assert.equal(server.app.store.getRun('vanishing')!.error, null);
  assert.deepEqual(server.app.read.event.list('vanishing').events.map((e) => e.kind), ['crashed', 'resumed']);
  assert.equal(await again.finish(), true);
  assert.equal(server.app.store.getRun('vanishing')!.status, 'finished');
});

test('a silent run with its connection open stays running while a closed one crashes', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'silent.db'), 0, GRACE);
  t.after(() => server.close());
  const silent = new Run({ server: server.url, name: 'silent', id: 'silent' });
  t.after(() => silent.close());
  assert.equal(await silent.drained(5000), true);
  const gone = new Run({ server: server.url, name: 'gone', id: 'gone' });
  assert.equal(await gone.drained(5000), true);
  gone.close();
  await until(() => server.app.store.getRun('gone')?.status === 'crashed', 'the closed run to crash');
  assert.equal(server.app.store.getRun('silent')!.status, 'running');
  assert.ok(server.app.store.getRun('silent')!.heardAt !== null);
});

test('a run left running by an earlier server crashes one grace after start unless its trainer comes back', async (t) => {
  const path = join(tempDir(t), 'stale.db');
  const before = createApp(path);
  for (const id of ['stale', 'back']) before.store.upsertRun({ id, name: id, model: '', backend: '', config: {}, startedAt: 1000 });
  before.store.close();
  const server = await startSocketServer(path, 0, GRACE);
  t.after(() => server.close());
  const back = new Run({ server: server.url, name: 'back', id: 'back' });
  t.after(() => back.close());
  await until(() => server.app.store.getRun('stale')?.status === 'crashed', 'the stale run to crash');
  assert.match(server.app.store.getRun('stale')!.error ?? '', /^no heartbeat since 1970-01-01T00:00:01\.000Z$/);
  assert.equal(server.app.store.getRun('back')!.status, 'running');
});

test('a run read from a logdir has no trainer connected and is never crashed', async (t) => {
  const path = join(tempDir(t), 'imported.db');
  const before = createApp(path);
  const source = { format: 'tensorboard' as const, path: '/logs/fit', details: [], renamedTags: [], metrics: [], notShown: [], problems: [] };
  before.store.upsertRun({ id: 'native', name: 'native', model: '', backend: '', config: {}, startedAt: 1000 });
  before.store.upsertRun({ id: 'tailed', name: 'fit', model: '', backend: '', config: {}, startedAt: 1000, source });
  before.store.close();
  const server = await startSocketServer(path, 0, GRACE);
  t.after(() => server.close());
  // One sweep looks at every running run, so once the native run is crashed the imported one was passed over.
  await until(() => server.app.store.getRun('native')?.status === 'crashed', 'the native run to crash');
  assert.deepEqual([server.app.store.getRun('tailed')!.status, server.app.store.getRun('tailed')!.error], ['running', null]);
  assert.deepEqual(server.app.read.event.list('tailed').events, []);
});
