import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSocketServer } from '../../helpers/socket-server';
import { tempDir } from '../../helpers/temp-dir';
import { watchedRun } from '../../helpers/watched-run';

test('Run.logText travels the real WebSocket into SQLite and each new step is pushed live once', async (t) => {
  const server = await startSocketServer(join(tempDir(t), 'text.db'));
  t.after(() => server.close());
  const { run, pushes } = await watchedRun(t, server, 'text', 7000);

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
