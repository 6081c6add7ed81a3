import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { maskedCrc32c } from '../../lib/logdir/masked-crc';
import { encodeRecord, readRecords } from '../../lib/logdir/tfrecord';
import { sample } from './samples';

const payloads = ['first', 'second record', 'third'].map((s) => Buffer.from(s));
const stream = Buffer.concat(payloads.map(encodeRecord));
/** Where record i starts in `stream`. */
const starts = payloads.map((_, i) => payloads.slice(0, i).reduce((a, p) => a + p.length + 16, 0));

test('CRC32C: the check value of the standard, and TFRecord mask of a real file header', () => {
  const rotate = (crc: number) => ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
  // CRC-32C("123456789") = 0xE3069283 (RFC 3720, B.4); masked as TFRecord stores it.
  assert.equal(maskedCrc32c(Buffer.from('123456789')), rotate(0xe3069283));
  const file = readFileSync(sample('pytorch/experiment_lr_0.001/events.out.tfevents.1771594954.zyzkings.14144.2'));
  assert.equal(maskedCrc32c(file.subarray(0, 8)), file.readUInt32LE(8));
});

test('whole records come back in order, as views, and the next read starts at the end', () => {
  const framed = readRecords(stream);
  assert.deepEqual(framed.records.map((r) => Buffer.from(r).toString()), ['first', 'second record', 'third']);
  assert.deepEqual([framed.next, framed.badCrc, framed.skippedBytes, framed.stop], [stream.length, 0, 0, { kind: 'end' }]);
});

test('a record cut anywhere is left for the next read, never an error', () => {
  for (let cut = starts[2] + 1; cut < stream.length; cut++) {
    const framed = readRecords(stream.subarray(0, cut));
    assert.deepEqual(framed.records.map((r) => Buffer.from(r).toString()), ['first', 'second record']);
    assert.equal(framed.next, starts[2]);
    assert.equal(framed.stop.kind, 'partial');
  }
  const headerOnly = readRecords(stream.subarray(0, starts[2] + 12));
  assert.deepEqual(headerOnly.stop, { kind: 'partial', need: payloads[2].length + 16 });
});

test('a record whose data CRC fails is skipped and counted; the rest is read', () => {
  const damaged = Buffer.from(stream);
  damaged[starts[1] + 12 + 3] ^= 0x40;
  const framed = readRecords(damaged);
  assert.deepEqual(framed.records.map((r) => Buffer.from(r).toString()), ['first', 'third']);
  assert.deepEqual([framed.badCrc, framed.next, framed.stop.kind], [1, damaged.length, 'end']);
});

test('a damaged length is passed over to the next record whose two CRCs hold', () => {
  const damaged = Buffer.from(stream);
  damaged[starts[1]] ^= 0x01;
  const framed = readRecords(damaged);
  assert.deepEqual(framed.records.map((r) => Buffer.from(r).toString()), ['first', 'third']);
  assert.deepEqual([framed.skippedBytes, framed.badCrc, framed.stop.kind], [starts[2] - starts[1], 0, 'end']);
});

test('a damaged length with nothing sound after it stops there, to be tried again with more data', () => {
  const damaged = Buffer.from(stream.subarray(0, starts[2]));
  damaged[starts[1] + 8] ^= 0x01;
  const framed = readRecords(damaged);
  assert.deepEqual(framed.records.map((r) => Buffer.from(r).toString()), ['first']);
  assert.deepEqual([framed.next, framed.stop.kind], [starts[1], 'corrupt']);
});

test('an empty chunk and an empty record', () => {
  assert.deepEqual(readRecords(Buffer.alloc(0)), { records: [], next: 0, badCrc: 0, skippedBytes: 0, stop: { kind: 'end' } });
  const empty = encodeRecord(new Uint8Array());
  assert.equal(empty.length, 16);
  assert.deepEqual(readRecords(empty).records.map((r) => r.length), [0]);
});
