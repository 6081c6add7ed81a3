import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SqliteStore } from '../../../lib/storage/sqlite-store';
import { mergeEvents, type TrainingEvent } from '../../../lib/kinds/event/meta';
import { tempDir } from '../../helpers/temp-dir';

const event = (step: number, kind: string, reason: string, data: TrainingEvent['data'] = {}): TrainingEvent => ({ step, wallTime: 1000 + step, kind, reason, data });

test('events are stored once per (run, step, kind, reason) and read back in step order', (t) => {
  const path = join(tempDir(t), 'events.db');
  const store = new SqliteStore(path);
  store.upsertRun({ id: 'r', name: 'r', model: '', backend: '', config: {}, startedAt: 0 });
  const saved = event(20, 'checkpoint', 'val_loss improved from 0.4100 to 0.3800, saved logs/checkpoints/r/best', { current: 0.38, path: 'logs/checkpoints/r/best', best: true, previous: 'Infinity', none: null });
  assert.equal(store.writeEvents('r', [saved, event(10, 'reduce_lr', 'lr 0.001 → 0.0005')]), 2);
  assert.equal(store.writeEvents('r', [saved]), 0, 'a resend adds nothing');
  assert.equal(store.writeEvents('r', [event(20, 'checkpoint', 'another reason at the same step')]), 1);
  store.close();

  // A second connection on the same file sees everything: it is really in SQLite.
  const reopened = new SqliteStore(path);
  t.after(() => reopened.close());
  const read = reopened.readEvents('r');
  assert.deepEqual(read.map((e) => [e.step, e.kind]), [[10, 'reduce_lr'], [20, 'checkpoint'], [20, 'checkpoint']]);
  assert.deepEqual(read.find((e) => e.reason === saved.reason), saved);
  assert.deepEqual(reopened.readEvents('r', 'reduce_lr').map((e) => e.step), [10]);
  assert.deepEqual(reopened.readEvents('r', 'early_stopping'), []);
  assert.deepEqual(reopened.readEvents('unknown-run'), []);
  assert.equal(reopened.getRun('r')!.updatedAt, 1020, 'an event counts as activity of the run');
});

test('mergeEvents keeps one copy of each event, in step order', () => {
  const a = event(5, 'checkpoint', 'saved');
  const b = event(2, 'reduce_lr', 'reduced');
  const merged = mergeEvents([a], [b, a, { ...a }]);
  assert.deepEqual(merged, [b, a]);
  const same = mergeEvents(merged, [b]);
  assert.equal(same, merged, 'nothing new keeps the same array, so React does not re-render');
});
