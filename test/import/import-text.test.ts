import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importLogdirsOnce } from '../../lib/import/import-logdirs';
import { eventRecord, fileVersionRecord } from '../../lib/logdir/event-writer';
import { parseLogdirSpec } from '../../lib/logdir/logdir-spec';
import { tempDir } from '../helpers/temp-dir';
import { tempApp } from '../helpers/temp-app';

/** A text summary as tf.summary.text writes it: a string tensor of plugin `text`. */
function text(tag: string, step: number, shape: number[], strings: string[]): Buffer {
  const tensor = { dtype: 7, tensorShape: { dim: shape.map((size) => ({ size })) }, stringVal: strings.map((s) => Buffer.from(s)) };
  return eventRecord({ wallTime: 1700000000 + step, step, summary: { value: [{ tag, metadata: { pluginData: { pluginName: 'text' } }, tensor }] } });
}

test('text summaries become the text kind: a string as Markdown, a matrix as a table, the last of a step winning', async (t) => {
  const dir = tempDir(t, 'tensorlens-text-');
  mkdirSync(join(dir, 'run'));
  writeFileSync(
    join(dir, 'run', 'events.out.tfevents.1700000000.host'),
    Buffer.concat([
      fileVersionRecord(1700000000),
      text('notes', 0, [], ['**first** draft']),
      text('notes', 0, [], ['**final** note']),
      text('samples', 1, [2, 2], ['review', 'label', 'a | b', 'pos']),
      text('cube', 1, [1, 1, 2], ['x', 'y']),
    ]),
  );
  const app = tempApp(t);
  await importLogdirsOnce(app, [parseLogdirSpec(dir)]);
  const [run] = app.store.listRuns();
  assert.deepEqual(app.read.text.series(run.id, 'notes').steps.map((s) => s.text), ['**final** note']);
  assert.equal(app.read.text.series(run.id, 'samples').steps[0].text, '| | |\n| --- | --- |\n| review | label |\n| a \\| b | pos |');
  assert.deepEqual(run.source!.notShown, [{ tag: 'cube', plugin: 'text', count: 1, reason: 'a text tensor of rank 3: only ranks 0 to 2 are shown' }]);
});
