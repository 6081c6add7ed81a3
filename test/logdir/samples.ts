import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readEventFile, START_OF_FILE } from '../../lib/logdir/event-file';
import type { LogdirRecord } from '../../lib/logdir/records';

/** The real event files beside the checkout (../shared/data/tfevents, see its PROVENANCE.md). */
export const TFEVENTS = resolve(__dirname, '../../../shared/data/tfevents');

export function sample(path: string): string {
  return resolve(TFEVENTS, path);
}

/** Every record of one sample file, which must read to its end with nothing wrong. */
export async function readSample(path: string): Promise<LogdirRecord[]> {
  const read = await readEventFile(sample(path), START_OF_FILE);
  assert.equal(read.error, undefined);
  assert.deepEqual([read.badCrc, read.undecodable, read.skippedBytes, read.corruptAt, read.waiting, read.more], [0, 0, 0, undefined, false, false]);
  return read.records;
}

/** The records of one kind (and tag), narrowed to that kind. */
export function ofKind<K extends LogdirRecord['kind']>(records: readonly LogdirRecord[], kind: K, tag?: string): Extract<LogdirRecord, { kind: K }>[] {
  return records.filter((r): r is Extract<LogdirRecord, { kind: K }> => r.kind === kind && (tag === undefined || ('tag' in r && r.tag === tag)));
}
