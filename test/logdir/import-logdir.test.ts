import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventRecord, fileVersionRecord } from '../../lib/logdir/event-writer';
import { keepLastPerStep } from '../../lib/logdir/last-per-step';
import { importLogdirs, type RunBatch } from '../../lib/logdir/logdir-reader';
import type { LogdirRecord } from '../../lib/logdir/records';
import { tempDir } from '../helpers/temp-dir';
import { ofKind, TFEVENTS } from './samples';

function scalar(tag: string, step: number, value: number): Buffer {
  return eventRecord({ wallTime: 1700000000 + step, step, summary: { value: [{ tag, simpleValue: value }] } });
}

async function importAll(dir: string, cursors?: Record<string, RunBatch['cursor']>): Promise<{ batches: RunBatch[]; summary: Awaited<ReturnType<typeof importLogdirs>> }> {
  const batches: RunBatch[] = [];
  const summary = await importLogdirs({ logdirs: [{ name: null, dir }], cursors, onBatch: (b) => void batches.push(b) });
  return { batches, summary };
}

function byRun(batches: readonly RunBatch[]): Map<string, LogdirRecord[]> {
  const runs = new Map<string, LogdirRecord[]>();
  for (const b of batches) runs.set(b.run.name, [...(runs.get(b.run.name) ?? []), ...b.records]);
  return runs;
}

test('importing every sample reads each file to its end, with Keras tags as one run shows them', async () => {
  const { batches, summary } = await importAll(TFEVENTS);
  assert.deepEqual(summary, { runs: 22, files: 26, records: 3280, waiting: 0, problems: 0 });
  for (const b of batches) assert.equal(b.cursor.offset, statSync(b.file).size, b.file);
  const runs = byRun(batches);
  const fit = runs.get('keras/20230302-212259') ?? [];
  assert.deepEqual([...new Set(ofKind(fit, 'scalar').map((s) => s.tag))], ['epoch/loss', 'epoch/accuracy']);
  assert.deepEqual(ofKind(fit, 'scalar', 'epoch/loss').map((s) => s.value), [0.6274638772010803, 0.08673294633626938, 0.07122153788805008, 0.06402473896741867]);
  assert.equal(ofKind(fit, 'histogram').length, 16);
  assert.equal(ofKind(fit, 'keras-model').length, 1);
  assert.equal(ofKind(fit, 'graph').length, 1);

  // Both files of one run, in name order: the second run of the script wins every step.
  const twoFiles = runs.get('pytorch/my_first_experiment') ?? [];
  assert.equal(ofKind(twoFiles, 'scalar', 'Metrics/Loss').length, 200);
  const kept = ofKind(keepLastPerStep(twoFiles), 'scalar', 'Metrics/Loss');
  assert.deepEqual([kept.length, kept[0].value, kept[99].value], [100, 4.825677871704102, -0.037385910749435425]);

  const again = await importAll(TFEVENTS, Object.fromEntries(batches.map((b) => [b.file, b.cursor])));
  assert.deepEqual([again.batches, again.summary.records], [[], 0], 'a second import with the saved cursors reads nothing twice');
});

test('a record still being written is waited for, then read once it is whole: nothing lost or doubled', async (t) => {
  const dir = tempDir(t, 'tensorlens-logdir-');
  const file = join(dir, 'events.out.tfevents.1700000000.host');
  const third = scalar('loss', 2, 0.5);
  writeFileSync(file, Buffer.concat([fileVersionRecord(1700000000), scalar('loss', 0, 2), scalar('loss', 1, 1), third.subarray(0, 9)]));
  const first = await importAll(dir);
  assert.deepEqual(ofKind(first.batches.flatMap((b) => b.records), 'scalar').map((s) => [s.step, s.value]), [[0, 2], [1, 1]]);
  assert.equal(first.summary.waiting, 1);
  const cursors = Object.fromEntries(first.batches.map((b) => [b.file, b.cursor]));
  const waitingAgain = await importAll(dir, cursors);
  assert.deepEqual([waitingAgain.batches.length, waitingAgain.summary.waiting], [0, 1], 'still cut: nothing new, no error');

  appendFileSync(file, Buffer.concat([third.subarray(9), scalar('loss', 3, 0.25)]));
  const second = await importAll(dir, cursors);
  assert.deepEqual(ofKind(second.batches.flatMap((b) => b.records), 'scalar').map((s) => [s.step, s.value]), [[2, 0.5], [3, 0.25]]);
  assert.deepEqual([second.summary.waiting, second.summary.problems, second.batches[0].cursor.offset], [0, 0, statSync(file).size]);
});

test('a record whose CRC fails is skipped and reported on its run; the records around it are read', async (t) => {
  const dir = tempDir(t, 'tensorlens-logdir-');
  const file = join(dir, 'run', 'events.out.tfevents.1700000000.host');
  const damaged = scalar('loss', 1, 1);
  damaged[damaged.length - 6] ^= 0xff;
  mkdirSync(join(dir, 'run'));
  writeFileSync(file, Buffer.concat([fileVersionRecord(1700000000), scalar('loss', 0, 2), damaged, scalar('loss', 2, 0.5)]));
  const { batches, summary } = await importAll(dir);
  assert.deepEqual(ofKind(batches.flatMap((b) => b.records), 'scalar').map((s) => s.step), [0, 2]);
  assert.deepEqual(batches.map((b) => [b.run.name, b.problems.map((p) => [p.kind, p.count])]), [['run', [['bad-crc', 1]]]]);
  assert.equal(summary.problems, 1);
  assert.match(batches[0].problems[0].message, /1 record\(s\) in .* failed their CRC check and were skipped/);
});

test('damage in a length is reported once, and reading resumes at the next sound record', async (t) => {
  const dir = tempDir(t, 'tensorlens-logdir-');
  const file = join(dir, 'events.out.tfevents.1700000000.host');
  const broken = scalar('loss', 1, 1);
  broken[2] ^= 0x10;
  writeFileSync(file, Buffer.concat([scalar('loss', 0, 2), broken]));
  const first = await importAll(dir);
  assert.deepEqual(first.batches.flatMap((b) => b.problems.map((p) => p.kind)), ['corrupt']);
  appendFileSync(file, scalar('loss', 2, 0.5));
  const second = await importAll(dir, Object.fromEntries(first.batches.map((b) => [b.file, b.cursor])));
  assert.deepEqual(ofKind(second.batches.flatMap((b) => b.records), 'scalar').map((s) => s.step), [2]);
  assert.deepEqual(second.batches.flatMap((b) => b.problems.map((p) => [p.kind, p.count])), [['skipped-bytes', broken.length]]);
});
