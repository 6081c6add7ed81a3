import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../../lib/app-context';
import { mergeEvents, type TrainingEvent } from '../../../lib/kinds/event/meta';
import { ingestHarness } from '../../helpers/ingest-harness';

const event = (step: number, kind: string, reason: string, data: TrainingEvent['data'] = {}): TrainingEvent => ({ step, wallTime: 1000 + step, kind, reason, data });

test('events are stored once per (run, step, kind, reason) and read back in step order', (t) => {
  const { app, send } = ingestHarness(t);
  const saved = event(20, 'checkpoint', 'val_loss improved from 0.4100 to 0.3800, saved logs/checkpoints/r/best', { current: 0.38, path: 'logs/checkpoints/r/best', best: true, previous: 'Infinity', none: null });
  const events = app.tables.event;
  assert.equal(events.write('run-1', [saved, event(10, 'reduce_lr', 'lr 0.001 → 0.0005')]), 2);
  assert.equal(events.write('run-1', [saved]), 0, 'a resend adds nothing');
  assert.equal(send({ v: 1, seq: 2, type: 'events', runId: 'run-1', events: [event(20, 'checkpoint', 'another reason at the same step')] }).type, 'ack');
  app.store.close();

  // A second connection on the same file sees everything: it is really in SQLite.
  const reopened = createApp(app.store.path);
  t.after(() => reopened.store.close());
  const read = reopened.tables.event.read('run-1');
  assert.deepEqual(read.map((e) => [e.step, e.kind]), [[10, 'reduce_lr'], [20, 'checkpoint'], [20, 'checkpoint']]);
  assert.deepEqual(read.find((e) => e.reason === saved.reason), saved);
  assert.deepEqual(reopened.tables.event.read('run-1', 'reduce_lr').map((e) => e.step), [10]);
  assert.deepEqual(reopened.tables.event.read('run-1', 'early_stopping'), []);
  assert.deepEqual(reopened.tables.event.read('unknown-run'), []);
  assert.equal(reopened.store.getRun('run-1')!.updatedAt, 1020, 'an ingested event counts as activity of the run');
});

test('mergeEvents keeps one copy of each event, in step order', () => {
  const a = event(5, 'checkpoint', 'saved');
  const b = event(2, 'reduce_lr', 'reduced');
  const merged = mergeEvents([a], [b, a, { ...a }]);
  assert.deepEqual(merged, [b, a]);
  const same = mergeEvents(merged, [b]);
  assert.equal(same, merged, 'nothing new keeps the same array, so React does not re-render');
});
