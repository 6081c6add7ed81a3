import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventRecord, fileVersionRecord } from '../../lib/logdir/event-writer';
import type { RunBatch } from '../../lib/logdir/logdir-reader';
import { LogdirTailer, type LogdirTailerArgs } from '../../lib/logdir/logdir-tailer';
import { tempDir } from '../helpers/temp-dir';

function scalar(tag: string, step: number, value: number): Buffer {
  return eventRecord({ wallTime: 1700000000 + step, step, summary: { value: [{ tag, simpleValue: value }] } });
}

/** Scalars the tailer handed over, as "run tag@step=value", and a wait for the next ones. */
class Seen {
  readonly points: string[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  onBatch = (b: RunBatch): void => {
    for (const r of b.records) if (r.kind === 'scalar') this.points.push(`${b.run.name} ${r.tag}@${r.step}=${r.value}`);
    this.waiters = this.waiters.filter((w) => (this.points.length >= w.count ? (w.resolve(), false) : true));
  };

  /** Resolves once `count` points in all have arrived (the test's timeout bounds the wait). */
  until(count: number): Promise<void> {
    return this.points.length >= count ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

async function tail(t: { after: (fn: () => Promise<void>) => void }, seen: Seen, args: Omit<LogdirTailerArgs, 'onBatch'>): Promise<LogdirTailer> {
  const tailer = new LogdirTailer({ ...args, onBatch: seen.onBatch });
  t.after(() => tailer.stop());
  await tailer.start();
  return tailer;
}

test('a live append, a new file in a run and a new run folder are all picked up', { timeout: 20_000 }, async (t) => {
  const dir = tempDir(t, 'tensorlens-tail-');
  mkdirSync(join(dir, 'a'));
  const fileA = join(dir, 'a', 'events.out.tfevents.1700000000.host');
  writeFileSync(fileA, Buffer.concat([fileVersionRecord(1700000000), scalar('loss', 0, 1)]));
  const seen = new Seen();
  await tail(t, seen, { logdirs: [{ name: null, dir }], pollMs: 200 });
  assert.deepEqual(seen.points, ['a loss@0=1']);

  appendFileSync(fileA, scalar('loss', 1, 0.5));
  await seen.until(2);
  writeFileSync(join(dir, 'a', 'events.out.tfevents.1700000100.host'), Buffer.concat([fileVersionRecord(1700000100), scalar('loss', 2, 0.25)]));
  await seen.until(3);
  mkdirSync(join(dir, 'b', 'validation'), { recursive: true });
  writeFileSync(join(dir, 'b', 'validation', 'events.out.tfevents.1700000200.host.v2'), Buffer.concat([fileVersionRecord(1700000200), scalar('epoch_loss', 0, 0.75)]));
  await seen.until(4);
  assert.deepEqual(seen.points, ['a loss@0=1', 'a loss@1=0.5', 'a loss@2=0.25', 'b epoch/val_loss@0=0.75']);
});

test('a record written in two pieces is read once, whole', { timeout: 20_000 }, async (t) => {
  const dir = tempDir(t, 'tensorlens-tail-');
  const file = join(dir, 'events.out.tfevents.1700000000.host');
  writeFileSync(file, fileVersionRecord(1700000000));
  const seen = new Seen();
  const passes: number[] = [];
  const tailer = new LogdirTailer({ logdirs: [{ name: 'live', dir }], pollMs: 100, onBatch: seen.onBatch, onPass: (s) => passes.push(s.waiting) });
  t.after(() => tailer.stop());
  await tailer.start();
  const record = scalar('acc', 5, 0.9);
  appendFileSync(file, record.subarray(0, 20));
  while (!passes.includes(1)) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(seen.points, [], 'half a record is waited for');
  appendFileSync(file, record.subarray(20));
  await seen.until(1);
  assert.deepEqual(seen.points, [`live acc@5=${Math.fround(0.9)}`]);
});

test('a restarted tailer resumes from the saved cursors and repeats nothing', { timeout: 20_000 }, async (t) => {
  const dir = tempDir(t, 'tensorlens-tail-');
  const file = join(dir, 'events.out.tfevents.1700000000.host');
  writeFileSync(file, Buffer.concat([fileVersionRecord(1700000000), scalar('loss', 0, 1), scalar('loss', 1, 0.5)]));
  const before = new Seen();
  const first = await tail(t, before, { logdirs: [{ name: null, dir }] });
  await first.stop();
  assert.deepEqual(before.points, ['. loss@0=1', '. loss@1=0.5']);

  appendFileSync(file, scalar('loss', 2, 0.25));
  const after = new Seen();
  await tail(t, after, { logdirs: [{ name: null, dir }], cursors: first.fileCursors() });
  assert.deepEqual(after.points, ['. loss@2=0.25']);
});

test('a logdir that does not exist yet is found once it appears (polling, no watch possible)', { timeout: 20_000 }, async (t) => {
  const parent = tempDir(t, 'tensorlens-tail-');
  const dir = join(parent, 'later');
  const seen = new Seen();
  await tail(t, seen, { logdirs: [{ name: null, dir }], pollMs: 100 });
  mkdirSync(join(dir, 'run'), { recursive: true });
  writeFileSync(join(dir, 'run', 'events.out.tfevents.1700000000.host'), Buffer.concat([fileVersionRecord(1700000000), scalar('loss', 0, 3)]));
  await seen.until(1);
  assert.deepEqual(seen.points, ['run loss@0=3']);
});

test('a consumer that fails is reported, and the same records come again on the next pass', { timeout: 20_000 }, async (t) => {
  const dir = tempDir(t, 'tensorlens-tail-');
  writeFileSync(join(dir, 'events.out.tfevents.1700000000.host'), Buffer.concat([fileVersionRecord(1700000000), scalar('loss', 0, 1)]));
  const errors: string[] = [];
  const seen = new Seen();
  let fail = true;
  const tailer = new LogdirTailer({
    logdirs: [{ name: null, dir }],
    pollMs: 100,
    onError: (err) => errors.push(err.message),
    onBatch: (b) => {
      if (fail) {
        fail = false;
        throw new Error('database is locked');
      }
      seen.onBatch(b);
    },
  });
  t.after(() => tailer.stop());
  await tailer.start();
  await seen.until(1);
  assert.deepEqual([errors, seen.points], [['database is locked'], ['. loss@0=1']]);
});
