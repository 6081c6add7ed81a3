/**
 * A second, independent reading of summary values, for cross-checking the library-based decoder:
 * TFRecord framing by offsets alone (no CRC) and protobuf fields walked by hand.
 */
import { readFileSync } from 'node:fs';

function varint(buf: Buffer, at: number): [bigint, number] {
  let value = 0n;
  for (let shift = 0n; ; shift += 7n) {
    const byte = buf[at++];
    value |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return [value, at];
  }
}

/** Each field of a message: [field number, wire type, its bytes or varint value]. */
function* fields(buf: Buffer): Generator<[number, number, Buffer | bigint]> {
  let at = 0;
  while (at < buf.length) {
    const [key, afterKey] = varint(buf, at);
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [v, next] = varint(buf, afterKey);
      yield [field, wire, v];
      at = next;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      yield [field, wire, buf.subarray(afterKey, afterKey + size)];
      at = afterKey + size;
    } else {
      const [length, start] = varint(buf, afterKey);
      yield [field, wire, buf.subarray(start, start + Number(length))];
      at = start + Number(length);
    }
  }
}

export interface RawValue {
  step: number;
  tag: string;
  /** Value.simple_value (2, float32), when set. */
  simpleValue?: number;
  /** Value.tensor (8) → TensorProto.tensor_content (4), when set. */
  tensorContent?: Buffer;
  /** Value.histo (5) → HistogramProto min (1), max (2), bucket_limit (6) and bucket (7), packed doubles. */
  histo?: { min: number; max: number; limits: number[]; counts: number[] };
}

function doubles(b: Buffer): number[] {
  return Array.from({ length: b.length / 8 }, (_, i) => b.readDoubleLE(i * 8));
}

function histogramProto(b: Buffer): RawValue['histo'] {
  const h = { min: 0, max: 0, limits: [] as number[], counts: [] as number[] };
  for (const [f, , v] of fields(b)) {
    if (f === 1) h.min = (v as Buffer).readDoubleLE(0);
    if (f === 2) h.max = (v as Buffer).readDoubleLE(0);
    if (f === 6) h.limits = doubles(v as Buffer);
    if (f === 7) h.counts = doubles(v as Buffer);
  }
  return h;
}

/** Event.step (2), Event.summary (5) → Summary.value (1) → Value.tag (1) and the two above. */
export function rawValues(path: string): RawValue[] {
  const file = readFileSync(path);
  const out: RawValue[] = [];
  for (let at = 0; at < file.length; ) {
    const length = Number(file.readBigUInt64LE(at));
    const event = file.subarray(at + 12, at + 12 + length);
    at += 12 + length + 4;
    let step = 0;
    for (const [field, , v] of fields(event)) {
      if (field === 2) step = Number(v as bigint);
      if (field !== 5) continue;
      for (const [f, , value] of fields(v as Buffer)) {
        if (f !== 1) continue;
        const raw: RawValue = { step, tag: '' };
        for (const [vf, , vv] of fields(value as Buffer)) {
          if (vf === 1) raw.tag = (vv as Buffer).toString('utf8');
          if (vf === 2) raw.simpleValue = (vv as Buffer).readFloatLE(0);
          if (vf === 5) raw.histo = histogramProto(vv as Buffer);
          if (vf === 8) for (const [tf, , tv] of fields(vv as Buffer)) if (tf === 4) raw.tensorContent = tv as Buffer;
        }
        out.push(raw);
      }
    }
  }
  return out;
}

/** The `simple_value` scalars of a file. */
export function rawScalars(path: string): { step: number; tag: string; value: number }[] {
  return rawValues(path).flatMap((v) => (v.simpleValue === undefined ? [] : [{ step: v.step, tag: v.tag, value: v.simpleValue }]));
}
