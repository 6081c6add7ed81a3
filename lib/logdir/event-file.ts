/**
 * Reads one event file from a saved position to its current end. Never throws: a file that cannot
 * be read, damaged records and a record still being written are all reported in the result.
 */
import { open } from 'node:fs/promises';
import { EventDecoder } from './event-decoder';
import type { LogdirRecord } from './records';
import { readRecords } from './tfrecord';

/**
 * Where to resume a file: the byte offset after the last whole record, and the tag → plugin memory
 * of the records before it (see EventDecoder). Save it with the records it came with, so that a
 * restart or a second import neither loses nor repeats a record.
 */
export interface FileCursor {
  offset: number;
  plugins: Record<string, string>;
}

export const START_OF_FILE: FileCursor = { offset: 0, plugins: {} };

export interface FileRead {
  records: LogdirRecord[];
  cursor: FileCursor;
  /** Records skipped because their data CRC failed. */
  badCrc: number;
  /** Records with sound CRCs that are not Event protos. */
  undecodable: number;
  /** Bytes passed over after a damaged length, up to the next sound record. */
  skippedBytes: number;
  /** Set when reading stopped at a damaged length with no sound record after it yet: the offset. */
  corruptAt?: number;
  /** The file ends inside a record: the writer is still writing it. */
  waiting: boolean;
  /** Bytes left after this read (more than one read's worth was there). */
  more: boolean;
  /** The file is now shorter than the saved offset: it was replaced, and was read from its start. */
  restarted: boolean;
  /** Why the file could not be read at all (removed, permissions). */
  error?: string;
}

/** A read is done in pieces of about this size, so a large file never sits in memory whole. */
const READ_BYTES = 8 << 20;

async function readSpan(path: string, from: number, bytes: number): Promise<{ chunk: Buffer; size: number }> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const length = Math.max(0, Math.min(bytes, size - from));
    const chunk = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(chunk, got, length - got, from + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { chunk: chunk.subarray(0, got), size };
  } finally {
    await handle.close();
  }
}

/** Reads records from `cursor` on, up to about `readBytes` (more when a record or a damaged stretch is larger). */
export async function readEventFile(path: string, cursor: FileCursor, readBytes = READ_BYTES): Promise<FileRead> {
  const read: FileRead = { records: [], cursor, badCrc: 0, undecodable: 0, skippedBytes: 0, waiting: false, more: false, restarted: false };
  let start = cursor;
  try {
    let span = await readSpan(path, start.offset, readBytes);
    if (span.size < start.offset) {
      read.restarted = true;
      start = START_OF_FILE;
      span = await readSpan(path, 0, readBytes);
    }
    let framed = readRecords(span.chunk);
    // Nothing could be taken from a piece that ends before the file does: one record larger than a
    // read's worth, or damage with the next sound record further on. Read a bigger piece.
    for (let want = readBytes; framed.next === 0 && start.offset + span.chunk.length < span.size; ) {
      want = framed.stop.kind === 'partial' ? framed.stop.need : want * 2;
      span = await readSpan(path, start.offset, want);
      framed = readRecords(span.chunk);
    }
    const decoder = new EventDecoder(start.plugins);
    for (const bytes of framed.records) {
      const records = decoder.decode(bytes);
      if (typeof records === 'string') read.undecodable++;
      else for (const r of records) read.records.push(r);
    }
    const offset = start.offset + framed.next;
    read.cursor = { offset, plugins: decoder.plugins() };
    read.badCrc = framed.badCrc;
    read.skippedBytes = framed.skippedBytes;
    if (framed.stop.kind === 'corrupt') read.corruptAt = offset;
    read.waiting = framed.stop.kind === 'partial' && offset + framed.stop.need > span.size;
    read.more = !read.waiting && read.corruptAt === undefined && offset < span.size;
  } catch (err) {
    read.error = `cannot read ${path}: ${(err as Error).message}`;
  }
  return read;
}
