/**
 * How a chunk's rows are stored. `float32` as they arrived. `q9-row` as 9-bit codes on a float32
 * scale per row: the scale (its largest |value| / 255), then the codes' top 8 bits as one signed
 * byte a value, then their lowest bits packed 8 to a byte; 4 + dim + dim/8 bytes a row.
 */
export type ChunkEncoding = 'float32' | 'q9-row';

/** From this many values (4 MiB of float32, ~8,000 words x 128) a snapshot is stored as q9-row. */
export const COMPACT_FROM_VALUES = 1 << 20;

/**
 * 9 bits, not 8: on 80,000 clustered rows int8 codes keep 98.5% of the float32 cosine neighbours
 * (near-ties swap), 9 bits 99.4%, and 10 (99.45%) would not fit 80,000 x 128 in 12 MB.
 */
const LEVELS = 255;

/**
 * Large snapshots go compact; small ones stay exact, since they cost little and are what a
 * reader compares against when it checks a resend or a test matrix bit for bit.
 */
export function encodingFor(rows: number, dim: number): ChunkEncoding {
  return rows * dim >= COMPACT_FROM_VALUES ? 'q9-row' : 'float32';
}

const bitBytes = (dim: number) => (dim + 7) >> 3;

/** Bytes a q9-row blob of `rows` rows takes. */
export function q9RowBytes(rows: number, dim: number): number {
  return rows * (4 + dim + bitBytes(dim));
}

/**
 * Each value is rounded to the nearest of 511 evenly spaced levels across its row's ±max, so it
 * comes back within max|row| / 510 of what was sent, independently in every coordinate.
 */
export function encodeQ9Rows(values: Float32Array, rows: number, dim: number): Buffer {
  const out = Buffer.alloc(q9RowBytes(rows, dim));
  const high = new Int8Array(out.buffer, out.byteOffset + rows * 4, rows * dim);
  const low = out.subarray(rows * (4 + dim));
  const perRow = bitBytes(dim);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let o = r * dim, end = o + dim; o < end; o++) max = Math.max(max, Math.abs(values[o]));
    const scale = max / LEVELS;
    out.writeFloatLE(scale, r * 4);
    const inverse = scale > 0 ? 1 / scale : 0;
    for (let t = 0; t < dim; t++) {
      const code = Math.round(values[r * dim + t] * inverse);
      high[r * dim + t] = code >> 1;
      low[r * perRow + (t >> 3)] |= (code & 1) << (t & 7);
    }
  }
  return out;
}

/** Writes the rows of a q9-row blob into `into` from value `at` on. */
export function decodeQ9Rows(bytes: Uint8Array, rows: number, dim: number, into: Float32Array, at: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, rows * 4);
  const high = new Int8Array(bytes.buffer, bytes.byteOffset + rows * 4, rows * dim);
  const low = bytes.subarray(rows * (4 + dim));
  const perRow = bitBytes(dim);
  for (let r = 0; r < rows; r++) {
    const scale = view.getFloat32(r * 4, true);
    for (let t = 0; t < dim; t++) {
      const code = 2 * high[r * dim + t] + ((low[r * perRow + (t >> 3)] >> (t & 7)) & 1);
      into[at + r * dim + t] = code * scale;
    }
  }
}

/** The stored bytes of a chunk of `rows` rows in the given encoding. */
export function encodeChunk(encoding: ChunkEncoding, values: Float32Array, rows: number, dim: number): Buffer {
  if (encoding === 'q9-row') return encodeQ9Rows(values, rows, dim);
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Writes a stored chunk of `rows` rows into `into` from row `rowOffset` on. */
export function decodeChunk(encoding: ChunkEncoding, bytes: Uint8Array, rows: number, dim: number, into: Float32Array, rowOffset: number): void {
  if (encoding === 'q9-row') decodeQ9Rows(bytes, rows, dim, into, rowOffset * dim);
  else new Uint8Array(into.buffer, into.byteOffset, into.byteLength).set(bytes, rowOffset * dim * 4);
}
