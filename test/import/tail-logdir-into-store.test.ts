import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type AppContext } from '../../lib/app-context';
import { importLogdirsOnce, tailLogdirs } from '../../lib/import/import-logdirs';
import { eventRecord, fileVersionRecord } from '../../lib/logdir/event-writer';
import { parseLogdirSpec } from '../../lib/logdir/logdir-spec';
import { tempDir } from '../helpers/temp-dir';
import { RecordingLive } from './recording-live';

const T0 = 1700000000;

function scalar(tag: string, step: number, value: number): Buffer {
  return eventRecord({ wallTime: T0 + step, step, summary: { value: [{ tag, simpleValue: value }] } });
}

function loss(app: AppContext): [number, number][] {
  const [run] = app.store.listRuns();
  return app.read.scalar.series(run.id, 'loss', Infinity).points.map(([step, , value]) => [step, value]);
}

/** A run folder `fit` with one event file holding `records`. */
function logdir(t: Parameters<typeof tempDir>[0], ...records: Buffer[]): { dir: string; file: string } {
  const dir = tempDir(t, 'tensorlens-import-');
  mkdirSync(join(dir, 'fit'));
  const file = join(dir, 'fit', `events.out.tfevents.${T0}.host`);
  writeFileSync(file, Buffer.concat([fileVersionRecord(T0), ...records]));
  return { dir, file };
}

test('live tail: appended events are stored and pushed; a restart while tailing stores nothing twice', { timeout: 30_000 }, async (t) => {
  const { dir, file } = logdir(t, scalar('loss', 0, 1));
  const db = join(dir, 'tensorlens.db');
  let app = createApp(db);
  let live = new RecordingLive();
  let tailer = await tailLogdirs(app, [parseLogdirSpec(dir)], live.services, { pollMs: 100 });
  assert.deepEqual(loss(app), [[0, 1]]);
  const [run] = app.store.listRuns();
  assert.deepEqual([run.name, run.status, run.source?.path], ['fit', 'finished', join(dir, 'fit')]);

  appendFileSync(file, Buffer.concat([scalar('loss', 1, 0.5), scalar('loss', 2, 0.25)]));
  const pushedStep = (step: number) => () => live.pushes.some((p) => p.type === 'scalars' && (p as unknown as { points: [string, number][] }).points.some(([, s]) => s === step));
  await live.until(pushedStep(2));
  assert.deepEqual(loss(app), [[0, 1], [1, 0.5], [2, 0.25]]);
  assert.equal(app.store.getRun(run.id)!.finishedAt, (T0 + 2) * 1000, 'finished as of its latest event');

  // The server stops while the trainer goes on writing, then starts again on the same database.
  await tailer.stop();
  app.store.close();
  appendFileSync(file, Buffer.concat([scalar('loss', 3, 0.125), scalar('loss', 2, 0.375)]));
  app = createApp(db);
  t.after(() => app.store.close());
  live = new RecordingLive();
  tailer = await tailLogdirs(app, [parseLogdirSpec(dir)], live.services, { pollMs: 100 });
  t.after(() => tailer.stop());
  assert.deepEqual(loss(app), [[0, 1], [1, 0.5], [2, 0.375], [3, 0.125]], 'step 2 written again takes its last value');
  assert.equal(app.read.scalar.tags(run.id)[0].count, 4);
  assert.equal(app.store.listRuns().length, 1, 'the same folder is the same run');

  appendFileSync(file, scalar('loss', 4, 0.0625));
  await live.until(pushedStep(4));
  assert.deepEqual(loss(app).map(([step]) => step), [0, 1, 2, 3, 4]);
});

test('a record whose CRC fails is reported on its run, with the records around it stored', async (t) => {
  const damaged = scalar('loss', 1, 1);
  damaged[damaged.length - 6] ^= 0xff;
  const { dir, file } = logdir(t, scalar('loss', 0, 2), damaged, scalar('loss', 2, 0.5));
  const app = createApp(join(dir, 'tensorlens.db'));
  t.after(() => app.store.close());
  const { tally } = await importLogdirsOnce(app, [parseLogdirSpec(dir)]);
  assert.deepEqual(loss(app), [[0, 2], [2, 0.5]]);
  const [run] = app.store.listRuns();
  assert.deepEqual(run.source!.problems, [{ file, kind: 'bad-crc', count: 1, message: `1 record(s) in ${file} failed their CRC check and were skipped` }]);
  assert.equal(tally.problems.length, 1);
  await importLogdirsOnce(app, [parseLogdirSpec(dir)]);
  assert.equal(app.store.getRun(run.id)!.source!.problems[0].count, 1, 'reported once, not again on the next import');
});

test('a record still being written waits, is not a problem, and is stored once whole', async (t) => {
  const third = scalar('loss', 2, 0.5);
  const { dir, file } = logdir(t, scalar('loss', 0, 2), scalar('loss', 1, 1), third.subarray(0, 9));
  const app = createApp(join(dir, 'tensorlens.db'));
  t.after(() => app.store.close());
  const first = await importLogdirsOnce(app, [parseLogdirSpec(dir)]);
  assert.deepEqual([first.pass.waiting, first.tally.problems], [1, []]);
  assert.deepEqual(loss(app), [[0, 2], [1, 1]]);
  appendFileSync(file, third.subarray(9));
  await importLogdirsOnce(app, [parseLogdirSpec(dir)]);
  assert.deepEqual(loss(app), [[0, 2], [1, 1], [2, 0.5]]);
  assert.deepEqual(app.store.listRuns()[0].source!.problems, []);
});

test('tags the store cannot hold are renamed and listed; negative steps are listed as not shown', async (t) => {
  const { dir, file } = logdir(
    t,
    scalar('acc@top:1', 0, 0.5),
    scalar('acc_top_1', 0, 0.25),
    scalar('acc@top:1', 1, 0.75),
    scalar('loss', -1, 9),
    scalar('loss', 0, 3),
  );
  const first = createApp(join(dir, 'tensorlens.db'));
  await importLogdirsOnce(first, [parseLogdirSpec(dir)]);
  first.store.close();
  // A later import starts from the database alone: the renames must come out the same.
  appendFileSync(file, Buffer.concat([scalar('acc_top_1', 1, 0.125), scalar('acc@top:1', 2, 1)]));
  const app = createApp(join(dir, 'tensorlens.db'));
  t.after(() => app.store.close());
  await importLogdirsOnce(app, [parseLogdirSpec(dir)]);
  const [run] = app.store.listRuns();
  assert.deepEqual(app.read.scalar.tags(run.id).map((s) => [s.tag, s.count]), [['acc_top_1', 3], ['acc_top_1_2', 2], ['loss', 1]]);
  assert.deepEqual(run.source!.renamedTags, [
    { tag: 'acc@top:1', shownAs: 'acc_top_1' },
    { tag: 'acc_top_1', shownAs: 'acc_top_1_2' },
  ]);
  assert.deepEqual(run.source!.notShown, [{ tag: 'loss', plugin: 'scalar', count: 1, reason: 'negative steps: Tensorlens steps start at 0' }]);
  assert.deepEqual(app.read.scalar.series(run.id, 'acc_top_1', Infinity).points.map(([, , v]) => v), [0.5, 0.75, 1]);
  assert.deepEqual(app.read.scalar.series(run.id, 'acc_top_1_2', Infinity).points.map(([, , v]) => v), [0.25, 0.125], 'a valid tag a rename took first is renamed too, never merged');
});
