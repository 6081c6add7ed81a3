import { maskedCrc32c } from './masked-crc';

/** u64 length + masked CRC32C of those 8 bytes. */
const HEADER_BYTES = 12;
/** Masked CRC32C of the data. */
const FOOTER_BYTES = 4;

/** Why a read of a chunk stopped. */
export type FramingStop =
  /** Every byte was a whole record. */
  | { kind: 'end' }
  /** The last record is still being written: `need` bytes from `next` hold it whole. */
  | { kind: 'partial'; need: number }
  /**
   * A length whose CRC fails and no whole, valid record after it in this chunk. The length cannot be
   * trusted, so nothing after it can be placed; `next` stays on it and a later read with more data
   * tries again (a torn read then heals by itself, real damage is reported again).
   */
  | { kind: 'corrupt' };

export interface Framed {
  /** Each record's data, as views into the chunk (no copy). */
  records: Uint8Array[];
  /** Offset in the chunk where the next read starts: after the last record read or skipped. */
  next: number;
  /** Records whose data CRC failed: their length was sound, so they were skipped and reading went on. */
  badCrc: number;
  /** Bytes passed over after a length whose CRC failed, up to the next valid record. */
  skippedBytes: number;
  stop: FramingStop;
}

/** A view of bytes [from, to) of the chunk: cheaper than Buffer#subarray, which matters per record. */
function view(chunk: Buffer, from: number, to: number): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset + from, to - from);
}

/** Length of the record whose header starts at `at`, or undefined if its CRC fails. */
function checkedLength(chunk: Buffer, at: number): number | undefined {
  if (chunk.readUInt32LE(at + 8) !== maskedCrc32c(view(chunk, at, at + 8))) return undefined;
  const high = chunk.readUInt32LE(at + 4);
  // Beyond 2^53 bytes a length cannot be real (nor a JavaScript integer).
  return high >= 2 ** 21 ? undefined : high * 2 ** 32 + chunk.readUInt32LE(at);
}

/** Whether a whole record with both CRCs sound starts at `at`: the only safe place to resume after damage. */
function isSoundRecord(chunk: Buffer, at: number): boolean {
  if (at + HEADER_BYTES > chunk.length) return false;
  const length = checkedLength(chunk, at);
  if (length === undefined) return false;
  const end = at + HEADER_BYTES + length + FOOTER_BYTES;
  if (end > chunk.length) return false;
  return chunk.readUInt32LE(end - FOOTER_BYTES) === maskedCrc32c(view(chunk, at + HEADER_BYTES, end - FOOTER_BYTES));
}

/**
 * Splits a chunk of a TFRecord file (starting on a record boundary) into records. Never throws:
 * a bad data CRC skips that record; a bad length CRC skips to the next offset where a whole record
 * passes both CRCs (the chance that damaged bytes pass two CRC32Cs is about 2^-64), or stops there
 * if none follows yet; a record cut short at the end is left for the next read.
 */
export function readRecords(chunk: Buffer): Framed {
  const records: Uint8Array[] = [];
  let at = 0;
  let badCrc = 0;
  let skippedBytes = 0;
  while (at < chunk.length) {
    if (at + HEADER_BYTES > chunk.length) return { records, next: at, badCrc, skippedBytes, stop: { kind: 'partial', need: HEADER_BYTES } };
    const length = checkedLength(chunk, at);
    if (length === undefined) {
      let resume = at + 1;
      while (resume < chunk.length && !isSoundRecord(chunk, resume)) resume++;
      if (resume >= chunk.length) return { records, next: at, badCrc, skippedBytes, stop: { kind: 'corrupt' } };
      skippedBytes += resume - at;
      at = resume;
      continue;
    }
    const end = at + HEADER_BYTES + length + FOOTER_BYTES;
    if (end > chunk.length) return { records, next: at, badCrc, skippedBytes, stop: { kind: 'partial', need: end - at } };
    const data = view(chunk, at + HEADER_BYTES, end - FOOTER_BYTES);
    if (chunk.readUInt32LE(end - FOOTER_BYTES) === maskedCrc32c(data)) records.push(data);
    else badCrc++;
    at = end;
  }
  return { records, next: at, badCrc, skippedBytes, stop: { kind: 'end' } };
}

/** One record framed as TensorFlow writes it. */
export function encodeRecord(data: Uint8Array): Buffer {
  const out = Buffer.alloc(HEADER_BYTES + data.length + FOOTER_BYTES);
  out.writeBigUInt64LE(BigInt(data.length), 0);
  out.writeUInt32LE(maskedCrc32c(out.subarray(0, 8)), 8);
  out.set(data, HEADER_BYTES);
  out.writeUInt32LE(maskedCrc32c(data), HEADER_BYTES + data.length);
  return out;
}
