/**
 * The event PyTorch's add_scalar and TF1's scalar summaries write millions of: an Event holding
 * wall_time, step and a Summary of values that are a tag and a `simple_value`, nothing else. Read
 * and written here by hand, since going through protobufjs costs more than everything else an
 * import does per event. Any other shape (metadata, other fields, a huge or negative step) is left
 * to the general decoder: `decodeSimpleValueEvent` returns null and the caller decodes it fully.
 *
 * Field numbers as in event.proto / summary.proto: Event.wall_time 1 (double), Event.step 2
 * (int64), Event.summary 5; Summary.value 1; Value.tag 1 (string), Value.simple_value 2 (float).
 */
import type { ScalarRecord } from './records';

const utf8 = new TextDecoder();

/** Eight bytes to read a double or a float through, instead of a DataView made per event. */
const scratch = new Uint8Array(8);
const asDouble = new Float64Array(scratch.buffer);
const asFloat = new Float32Array(scratch.buffer, 0, 1);

function readDouble(b: Uint8Array, at: number): number {
  for (let i = 0; i < 8; i++) scratch[i] = b[at + i];
  return asDouble[0];
}

function readFloat(b: Uint8Array, at: number): number {
  for (let i = 0; i < 4; i++) scratch[i] = b[at + i];
  return asFloat[0];
}

/**
 * A file repeats a handful of tags millions of times: the tags seen last are kept with their bytes,
 * so most values compare a few bytes instead of decoding a string.
 */
const recentTags: { bytes: Uint8Array; tag: string }[] = [];
const RECENT_TAGS = 32;

function tagOf(b: Uint8Array, start: number, end: number): string {
  const length = end - start;
  search: for (const recent of recentTags) {
    if (recent.bytes.length !== length) continue;
    for (let i = 0; i < length; i++) if (recent.bytes[i] !== b[start + i]) continue search;
    return recent.tag;
  }
  const bytes = b.slice(start, end);
  const tag = utf8.decode(bytes);
  if (recentTags.length >= RECENT_TAGS) recentTags.shift();
  recentTags.push({ bytes, tag });
  return tag;
}

/** A varint of up to 7 bytes (below 2^49), or -1 when it is longer: a step that large or negative goes the slow way. */
function varint(b: Uint8Array, at: number, end: number): [value: number, next: number] {
  let value = 0;
  for (let shift = 1, i = 0; i < 7 && at < end; i++, shift *= 128) {
    const byte = b[at++];
    value += (byte & 0x7f) * shift;
    if (byte < 0x80) return [value, at];
  }
  return [-1, at];
}

/** The tag and value of one Summary.Value, or null when it holds anything else. */
function simpleValue(b: Uint8Array, at: number, end: number, wallTime: number, step: number, out: ScalarRecord[]): boolean {
  let tag: string | undefined;
  let value: number | undefined;
  while (at < end) {
    const key = b[at++];
    if (key === 0x0a) {
      const [length, start] = varint(b, at, end);
      if (length < 0 || start + length > end) return false;
      tag = tagOf(b, start, start + length);
      at = start + length;
    } else if (key === 0x15 && at + 4 <= end) {
      value = readFloat(b, at);
      at += 4;
    } else return false;
  }
  if (tag === undefined || value === undefined) return false;
  out.push({ kind: 'scalar', tag, step, wallTime, value });
  return true;
}

/** The scalar records of a simple-value event, or null when the event is of another shape. */
export function decodeSimpleValueEvent(b: Uint8Array): ScalarRecord[] | null {
  let wallTime = 0;
  let step = 0;
  let summary: [number, number] | undefined;
  for (let at = 0; at < b.length; ) {
    const key = b[at++];
    if (key === 0x09 && at + 8 <= b.length) {
      wallTime = readDouble(b, at) * 1000;
      at += 8;
    } else if (key === 0x10) {
      [step, at] = varint(b, at, b.length);
      if (step < 0) return null;
    } else if (key === 0x2a) {
      const [length, start] = varint(b, at, b.length);
      if (length < 0 || start + length > b.length) return null;
      summary = [start, start + length];
      at = start + length;
    } else return null;
  }
  if (!summary) return null;
  const out: ScalarRecord[] = [];
  for (let at = summary[0]; at < summary[1]; ) {
    if (b[at++] !== 0x0a) return null;
    const [length, start] = varint(b, at, summary[1]);
    if (length < 0 || start + length > summary[1]) return null;
    if (!simpleValue(b, start, start + length, wallTime, step, out)) return null;
    at = start + length;
  }
  return out.length > 0 ? out : null;
}

function varintLength(value: number): number {
  let n = 1;
  for (; value >= 0x80; n++) value = Math.floor(value / 0x80);
  return n;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  out[at++] = value;
  return at;
}

/** One simple-value event's bytes (wall time in seconds, as event files hold it), as protobuf writes them. */
export function encodeSimpleValueEvent(wallTime: number, step: number, tag: string, value: number): Uint8Array {
  const name = Buffer.from(tag, 'utf8');
  const valueLength = 1 + varintLength(name.length) + name.length + 5;
  const summaryLength = 1 + varintLength(valueLength) + valueLength;
  const stepLength = step > 0 ? 1 + varintLength(step) : 0;
  // proto3 leaves zero fields out, as protobuf's own encoders do.
  const wallLength = wallTime !== 0 ? 9 : 0;
  const bytes = new Uint8Array(wallLength + stepLength + 1 + varintLength(summaryLength) + summaryLength);
  const view = new DataView(bytes.buffer);
  let at = 0;
  if (wallLength > 0) {
    bytes[at++] = 0x09;
    view.setFloat64(at, wallTime, true);
    at += 8;
  }
  if (step > 0) {
    bytes[at++] = 0x10;
    at = writeVarint(bytes, at, step);
  }
  bytes[at++] = 0x2a;
  at = writeVarint(bytes, at, summaryLength);
  bytes[at++] = 0x0a;
  at = writeVarint(bytes, at, valueLength);
  bytes[at++] = 0x0a;
  at = writeVarint(bytes, at, name.length);
  bytes.set(name, at);
  bytes[at + name.length] = 0x15;
  view.setFloat32(at + name.length + 1, value, true);
  return bytes;
}
