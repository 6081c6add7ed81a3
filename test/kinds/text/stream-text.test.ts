import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { LiveEvent } from '../../../lib/app-context';
import { Run } from '../../../lib/client/run';
import { LIVE_PATH } from '../../../lib/protocol/version';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';

test('Run.logText travels the real WebSocket into SQLite and each new step is pushed live once', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'text.db'));
  t.after(() => server.close());
  const run = new Run({ server: server.url, name: 'text', nowFunc: () => 7000 });
  run.log({ 'batch/loss': 0.5 }, 1);
  assert.equal(await run.drained(10_000), true);

  const dashboard = new WebSocket(`ws://127.0.0.1:${server.port}${LIVE_PATH}`);
  t.after(() => dashboard.close());
  const pushes: LiveEvent[] = [];
  dashboard.on('message', (data) => pushes.push(JSON.parse(data.toString()) as LiveEvent));
  await new Promise((resolve) => dashboard.once('open', resolve));
  dashboard.send(JSON.stringify({ type: 'subscribe', topic: 'run', runId: run.id }));
  while (!pushes.some((p) => p.type === 'run')) await new Promise((resolve) => setTimeout(resolve, 10));

  const table = '| p(positive) | label | review |\n| ---: | :--- | :--- |\n| 0.981 | negative | <img src=x onerror=alert(1)> |';
  run.logText('misclassified', 8, table);
  run.logText('misclassified', 8, 'a second text at the same step');
  run.logText('misclassified', 16, '_none_');
  assert.equal(await run.finish(), true);
  const texts = () => pushes.flatMap((p) => (p.type === 'text' ? p.entries : []));
  while (!texts().some((e) => e.step === 16)) await new Promise((resolve) => setTimeout(resolve, 10));

  const first = { tag: 'misclassified', step: 8, wallTime: 7000, text: table };
  const second = { tag: 'misclassified', step: 16, wallTime: 7000, text: '_none_' };
  assert.deepEqual(texts(), [first, second], 'the text ignored at a stored step is not pushed');
  assert.ok(pushes.every((p) => p.type !== 'text' || p.runId === run.id));
  assert.deepEqual(server.app.read.text.series(run.id, 'misclassified').steps, [
    { step: 8, wallTime: 7000, text: table },
    { step: 16, wallTime: 7000, text: '_none_' },
  ]);
});
