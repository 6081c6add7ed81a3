/**
 * Reads a TensorProto's numbers or strings, whichever of its two encodings the writer chose: the raw
 * little-endian `tensor_content`, or the typed `*_val` lists (types.proto names the dtypes).
 */
import { int64, type Int64, type TensorMessage, type TensorShapeMessage } from './proto/messages';

const DT = {
  FLOAT: 1,
  DOUBLE: 2,
  INT32: 3,
  UINT8: 4,
  INT16: 5,
  INT8: 6,
  STRING: 7,
  INT64: 9,
  BOOL: 10,
  BFLOAT16: 14,
  UINT16: 17,
  HALF: 19,
  UINT32: 22,
  UINT64: 23,
} as const;

/** Bytes per element and a little-endian reader, for the numeric dtypes. */
const RAW: Record<number, [number, (v: DataView, at: number) => number]> = {
  [DT.FLOAT]: [4, (v, at) => v.getFloat32(at, true)],
  [DT.DOUBLE]: [8, (v, at) => v.getFloat64(at, true)],
  [DT.INT32]: [4, (v, at) => v.getInt32(at, true)],
  [DT.UINT8]: [1, (v, at) => v.getUint8(at)],
  [DT.INT16]: [2, (v, at) => v.getInt16(at, true)],
  [DT.INT8]: [1, (v, at) => v.getInt8(at)],
  [DT.INT64]: [8, (v, at) => Number(v.getBigInt64(at, true))],
  [DT.BOOL]: [1, (v, at) => (v.getUint8(at) ? 1 : 0)],
  [DT.BFLOAT16]: [2, (v, at) => bfloat16(v.getUint16(at, true))],
  [DT.UINT16]: [2, (v, at) => v.getUint16(at, true)],
  [DT.HALF]: [2, (v, at) => float16(v.getUint16(at, true))],
  [DT.UINT32]: [4, (v, at) => v.getUint32(at, true)],
  [DT.UINT64]: [8, (v, at) => Number(v.getBigUint64(at, true))],
};

const DTYPE_NAMES: Record<number, string> = {
  [DT.FLOAT]: 'float32',
  [DT.DOUBLE]: 'float64',
  [DT.INT32]: 'int32',
  [DT.UINT8]: 'uint8',
  [DT.INT16]: 'int16',
  [DT.INT8]: 'int8',
  [DT.STRING]: 'string',
  [DT.INT64]: 'int64',
  [DT.BOOL]: 'bool',
  [DT.BFLOAT16]: 'bfloat16',
  [DT.UINT16]: 'uint16',
  [DT.HALF]: 'float16',
  [DT.UINT32]: 'uint32',
  [DT.UINT64]: 'uint64',
  20: 'resource',
  21: 'variant',
};

/** TensorFlow's name for a dtype (`_REF` variants, 101+, name the same type). */
export function dtypeName(dtype: number): string {
  return DTYPE_NAMES[dtype > 100 ? dtype - 100 : dtype] ?? `dtype ${dtype}`;
}

/** IEEE 754 half precision from its 16 bits. */
export function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

const bfloatView = new DataView(new ArrayBuffer(4));

/** bfloat16 is the top half of a float32. */
function bfloat16(bits: number): number {
  bfloatView.setUint32(0, bits << 16);
  return bfloatView.getFloat32(0);
}

export function shapeOf(shape: TensorShapeMessage | null | undefined): number[] {
  return (shape?.dim ?? []).map((d) => int64(d.size));
}

/** Element count of a shape; a scalar (rank 0) holds one. */
function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * Math.max(b, 0), 1);
}

/** The `*_val` list that holds this dtype, as numbers. */
function typedValues(t: TensorMessage, dtype: number): number[] {
  switch (dtype) {
    case DT.FLOAT:
      return t.floatVal;
    case DT.DOUBLE:
      return t.doubleVal;
    case DT.INT64:
      return t.int64Val.map((v: Int64) => int64(v));
    case DT.UINT64:
      return t.uint64Val.map((v: Int64) => int64(v));
    case DT.BOOL:
      return t.boolVal.map(Number);
    case DT.HALF:
      return t.halfVal.map(float16);
    case DT.BFLOAT16:
      return t.halfVal.map(bfloat16);
    case DT.UINT32:
      return t.uint32Val;
    default:
      return t.intVal;
  }
}

/**
 * The tensor's elements in row-major order, or undefined for a non-numeric dtype or a
 * `tensor_content` whose length does not match the shape. A shorter `*_val` list is filled out with
 * its last element, as TensorFlow does (a single value fills the whole tensor).
 */
export function tensorNumbers(t: TensorMessage): Float64Array | undefined {
  const dtype = t.dtype ?? 0;
  const raw = RAW[dtype];
  if (!raw) return undefined;
  const size = sizeOf(shapeOf(t.tensorShape));
  const out = new Float64Array(size);
  const content = t.tensorContent;
  if (content && content.length > 0) {
    const [width, read] = raw;
    if (content.length !== size * width) return undefined;
    const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
    for (let i = 0; i < size; i++) out[i] = read(view, i * width);
    return out;
  }
  const values = typedValues(t, dtype);
  for (let i = 0; i < size && values.length > 0; i++) out[i] = values[Math.min(i, values.length - 1)];
  return out;
}

/** A DT_STRING tensor's elements as UTF-8 text, or undefined for another dtype. */
export function tensorStrings(t: TensorMessage): string[] | undefined {
  if (t.dtype !== DT.STRING) return undefined;
  return t.stringVal.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('utf8'));
}
