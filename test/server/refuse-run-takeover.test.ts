import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Run } from '../../lib/client/run';
import { ingestHarness, outcome } from '../helpers/ingest-harness';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';

const SECRET = 'the-owners-secret-0123456789';
const start = (secret?: string, name = 'owned') => ({ v: 1, seq: 0, type: 'run.start', run: { id: 'owned', name, startedAt: 1, config: { lr: 0.1 } }, ...(secret ? { secret } : {}) });
const status = (status: string, secret?: string) => ({ v: 1, seq: 3, type: 'run.status', runId: 'owned', status, at: 2, ...(secret ? { secret } : {}) });

test('a run.start for an existing run needs the secret of that run', (t) => {
  const { app, send } = ingestHarness(t);
  assert.deepEqual(outcome(send(start(SECRET))), ['ack', '']);
  for (const intruder of [undefined, 'somebody-elses-secret-0123']) {
    const [code, message] = outcome(send(start(intruder, 'hijacked')));
    assert.equal(code, 'forbidden');
    assert.match(message, /run "owned" was started by another client: only the run's own secret resumes it/);
  }
  assert.equal(app.store.getRun('owned')!.name, 'owned');
  assert.deepEqual(outcome(send(start(SECRET, 'renamed by its owner'))), ['ack', '']);
  assert.equal(app.store.getRun('owned')!.name, 'renamed by its owner');
});

test('a finished or failed run is reopened only with its secret', (t) => {
  const { app, send } = ingestHarness(t);
  send(start(SECRET));
  for (const ended of ['finished', 'failed']) {
    assert.deepEqual(outcome(send(status(ended))), ['ack', ''], 'anyone may end a run');
    const [code, message] = outcome(send(status('running')));
    assert.equal(code, 'forbidden');
    assert.match(message, new RegExp(`run "owned" has ${ended}: only the run's own secret reopens it`));
    assert.equal(app.store.getRun('owned')!.status, ended);
    assert.deepEqual(outcome(send(status('running', SECRET))), ['ack', '']);
    assert.equal(app.store.getRun('owned')!.status, 'running');
  }
});

test('a run started without a secret cannot be reopened by anyone once it ended', (t) => {
  const { send } = ingestHarness(t);
  send(start());
  send(status('finished'));
  assert.equal(outcome(send(status('running', SECRET)))[0], 'forbidden');
});

test('a second client with the same run id is refused; the owner streams on', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'takeover.db'));
  t.after(() => server.close());
  const owner = new Run({ server: server.url, name: 'mine', id: 'shared-id' });
  t.after(() => owner.close());
  assert.equal(await owner.drained(5000), true);
  const intruder = new Run({ server: server.url, name: 'theirs', id: 'shared-id', onError: () => undefined });
  t.after(() => intruder.close());
  await intruder.drained(5000);
  assert.deepEqual(intruder.delivery().refused.map((r) => [r.type, r.code]), [['run.start', 'forbidden']]);
  owner.log({ loss: 1 }, 1);
  assert.equal(await owner.finish(), true);
  assert.equal(server.app.store.getRun('shared-id')!.name, 'mine');
  assert.equal(server.app.store.getRun('shared-id')!.status, 'finished');
});
