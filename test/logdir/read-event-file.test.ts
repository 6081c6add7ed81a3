import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEventFile, START_OF_FILE } from '../../lib/logdir/event-file';
import { eventRecord } from '../../lib/logdir/event-writer';
import { tempDir } from '../helpers/temp-dir';
import { ofKind } from './samples';

function scalar(step: number, tag = 'loss'): Buffer {
  return eventRecord({ wallTime: 1700000000 + step, step, summary: { value: [{ tag, simpleValue: step / 4 }] } });
}

test('a file read in pieces gives every record once, and says when more is left', async (t) => {
  const file = join(tempDir(t, 'tensorlens-file-'), 'events.out.tfevents.1.host');
  writeFileSync(file, Buffer.concat(Array.from({ length: 10 }, (_, i) => scalar(i))));
  const steps: number[] = [];
  let cursor = START_OF_FILE;
  for (let reads = 1; ; reads++) {
    const read = await readEventFile(file, cursor, 100);
    steps.push(...ofKind(read.records, 'scalar').map((s) => s.step));
    cursor = read.cursor;
    if (!read.more) break;
    assert.ok(reads < 10);
  }
  assert.deepEqual(steps, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('a record larger than a piece, and damage longer than a piece, are still read past', async (t) => {
  const dir = tempDir(t, 'tensorlens-file-');
  const big = join(dir, 'events.out.tfevents.1.big');
  writeFileSync(big, Buffer.concat([scalar(0, 'x'.repeat(500)), scalar(1)]));
  const bigRead = await readEventFile(big, START_OF_FILE, 64);
  assert.deepEqual([ofKind(bigRead.records, 'scalar').map((s) => s.step), bigRead.more], [[0], true]);

  const damaged = join(dir, 'events.out.tfevents.1.damaged');
  const garbage = Buffer.alloc(300, 0xab);
  writeFileSync(damaged, Buffer.concat([garbage, scalar(2)]));
  const read = await readEventFile(damaged, START_OF_FILE, 64);
  assert.deepEqual([ofKind(read.records, 'scalar').map((s) => s.step), read.skippedBytes, read.corruptAt], [[2], 300, undefined]);
});

test('a file that became shorter than the saved offset was replaced: it is read again from its start', async (t) => {
  const file = join(tempDir(t, 'tensorlens-file-'), 'events.out.tfevents.1.host');
  writeFileSync(file, Buffer.concat([scalar(0), scalar(1), scalar(2)]));
  const first = await readEventFile(file, START_OF_FILE);
  writeFileSync(file, scalar(5));
  const second = await readEventFile(file, first.cursor);
  assert.deepEqual([second.restarted, ofKind(second.records, 'scalar').map((s) => s.step)], [true, [5]]);
});

test('a file that is gone is reported, not thrown', async (t) => {
  const read = await readEventFile(join(tempDir(t, 'tensorlens-file-'), 'missing'), START_OF_FILE);
  assert.match(read.error ?? '', /cannot read .*missing/);
  assert.deepEqual([read.records, read.cursor], [[], START_OF_FILE]);
});
