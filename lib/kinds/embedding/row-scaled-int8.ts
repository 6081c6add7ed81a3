/**
 * How a chunk's rows are stored. `float32` as they arrived; `int8-row` as one float32 scale per
 * row (its largest |value| / 127) followed by one signed byte per value, about a quarter of the size.
 */
export type ChunkEncoding = 'float32' | 'int8-row';

/** From this many values (4 MiB of float32, ~8,000 words x 128) a snapshot is stored as int8-row. */
export const COMPACT_FROM_VALUES = 1 << 20;

const LEVELS = 127;

/**
 * Large snapshots go compact; small ones stay exact, since they cost little and are what a
 * reader compares against when it checks a resend or a test matrix bit for bit.
 */
export function encodingFor(rows: number, dim: number): ChunkEncoding {
  return rows * dim >= COMPACT_FROM_VALUES ? 'int8-row' : 'float32';
}

/**
 * Each value is rounded to the nearest of 255 evenly spaced levels across its row's ±max, so it
 * comes back within max|row| / 254 of what was sent. Cosine neighbours hardly move: the error is
 * about 0.2% of each row's length in every coordinate, and independent between coordinates.
 */
export function encodeInt8Rows(values: Float32Array, rows: number, dim: number): Buffer {
  const out = Buffer.alloc(rows * (4 + dim));
  const scales = new Float32Array(rows);
  const codes = new Int8Array(out.buffer, out.byteOffset + rows * 4, rows * dim);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let o = r * dim, end = o + dim; o < end; o++) max = Math.max(max, Math.abs(values[o]));
    const scale = max / LEVELS;
    scales[r] = scale;
    const inverse = scale > 0 ? 1 / scale : 0;
    for (let o = r * dim, end = o + dim; o < end; o++) codes[o] = Math.round(values[o] * inverse);
  }
  for (let r = 0; r < rows; r++) out.writeFloatLE(scales[r], r * 4);
  return out;
}

/** Writes the rows of an int8-row blob into `into` from value `at` on. */
export function decodeInt8Rows(bytes: Uint8Array, rows: number, dim: number, into: Float32Array, at: number): void {
  const codes = new Int8Array(bytes.buffer, bytes.byteOffset + rows * 4, rows * dim);
  const view = new DataView(bytes.buffer, bytes.byteOffset, rows * 4);
  for (let r = 0; r < rows; r++) {
    const scale = view.getFloat32(r * 4, true);
    for (let o = r * dim, end = o + dim; o < end; o++) into[at + o] = codes[o] * scale;
  }
}

/** The stored bytes of a chunk of `rows` rows in the given encoding. */
export function encodeChunk(encoding: ChunkEncoding, values: Float32Array, rows: number, dim: number): Buffer {
  if (encoding === 'int8-row') return encodeInt8Rows(values, rows, dim);
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Writes a stored chunk of `rows` rows into `into` from row `rowOffset` on. */
export function decodeChunk(encoding: ChunkEncoding, bytes: Uint8Array, rows: number, dim: number, into: Float32Array, rowOffset: number): void {
  if (encoding === 'int8-row') decodeInt8Rows(bytes, rows, dim, into, rowOffset * dim);
  else new Uint8Array(into.buffer, into.byteOffset, into.byteLength).set(bytes, rowOffset * dim * 4);
}
