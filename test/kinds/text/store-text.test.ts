import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../../lib/app-context';
import { MAX_TEXT_LENGTH } from '../../../lib/kinds/text/meta';
import { ingestHarness } from '../../helpers/ingest-harness';

const entry = (step: number, text: string, tag = 'misclassified') => ({ tag, step, wallTime: 1000 + step, text });
const textMessage = (entries: unknown, seq = 4, runId = 'run-1') => ({ v: 1, seq, type: 'text', runId, entries });

test('text is stored once per (run, tag, step), read back in step order, and survives a reopen', (t) => {
  const { app, send } = ingestHarness(t);
  assert.deepEqual(send(textMessage([entry(16, '| p | label |\n| --- | --- |\n| 0.97 | negative |'), entry(8, '**epoch 1**')])), { v: 1, type: 'ack', seq: 4 });
  assert.deepEqual(send(textMessage([entry(8, 'a resend with other text at a stored step'), entry(8, 'notes', 'notes')], 5)), { v: 1, type: 'ack', seq: 5 });
  app.store.close();

  const reopened = createApp(app.store.path);
  t.after(() => reopened.store.close());
  assert.deepEqual(reopened.read.text.tags('run-1'), [
    { tag: 'misclassified', steps: [8, 16] },
    { tag: 'notes', steps: [8] },
  ]);
  assert.deepEqual(reopened.read.text.series('run-1', 'misclassified'), {
    runId: 'run-1',
    tag: 'misclassified',
    steps: [
      { step: 8, wallTime: 1008, text: '**epoch 1**' },
      { step: 16, wallTime: 1016, text: '| p | label |\n| --- | --- |\n| 0.97 | negative |' },
    ],
  });
  assert.equal(reopened.store.getRun('run-1')!.updatedAt, 1016, 'text counts as activity of the run');
  assert.deepEqual(reopened.tables.scalar.listTags('run-1'), [], 'text tags are not scalar tags');
});

test('a text message is refused with a reason that names the field, and stores nothing', (t) => {
  const { app, send } = ingestHarness(t);
  const cases: [string, unknown, string, RegExp][] = [
    ['no entries', textMessage([]), 'invalid_message', /entries/],
    ['too many entries', textMessage(Array.from({ length: 101 }, (_, i) => entry(i, 'x'))), 'invalid_message', /entries/],
    ['text past the cap', textMessage([entry(1, 'x'.repeat(MAX_TEXT_LENGTH + 1))]), 'invalid_message', /entries\.0\.text: text may hold at most 65536 characters/],
    ['text that is not a string', textMessage([{ ...entry(1, ''), text: 42 }]), 'invalid_message', /entries\.0\.text/],
    ['a negative step', textMessage([entry(-1, 'x')]), 'invalid_message', /entries\.0\.step/],
    ['a fractional step', textMessage([entry(1.5, 'x')]), 'invalid_message', /entries\.0\.step/],
    ['a tag with markup', textMessage([entry(1, 'x', '<b>')]), 'invalid_message', /entries\.0\.tag/],
    ['a NaN wall time', textMessage([{ ...entry(1, 'x'), wallTime: 'NaN' }]), 'invalid_message', /entries\.0\.wallTime/],
    ['an unknown run', textMessage([entry(1, 'x')], 4, 'ghost'), 'unknown_run', /ghost/],
  ];
  for (const [name, message, code, pattern] of cases) {
    const reply = send(message);
    assert.ok(reply.type === 'error' && reply.code === code && reply.seq === 4 && pattern.test(reply.message), `${name}: ${JSON.stringify(reply).slice(0, 300)}`);
  }
  assert.deepEqual(app.read.text.tags('run-1'), []);
  assert.equal(send(textMessage([entry(1, 'x'.repeat(MAX_TEXT_LENGTH))])).type, 'ack', 'text at the cap is fine');
});

test('reading text of an unknown run or tag is not_found', (t) => {
  const { app } = ingestHarness(t);
  assert.throws(() => app.read.text.tags('ghost'), { code: 'not_found', message: 'run "ghost" not found' });
  assert.throws(() => app.read.text.series('run-1', 'nope'), { code: 'not_found', message: 'run "run-1" has no text tag "nope"' });
});
