import type { ScalarPoint } from './points';

/**
 * One tag of many runs as binary columns (`GET /api/scalars/{tag}?runs=…&format=f64`): what the
 * compare page reads fifty runs of at once. JSON spends most of such an answer on digits, brackets
 * and compression at both ends; float64 columns cost nothing to write or read, hold NaN and ±Inf as
 * they are, and the browser keeps them as they come.
 *
 * Layout, little-endian: a uint32 header length H, H bytes of JSON header
 * `{"tag":…,"runs":[{"runId":…,"count":…,"downsampled":…,"points":n},…]}`, zero padding to a
 * multiple of 8, then for each run in header order its steps, wall times (ms) and values, each
 * n float64s.
 */
export const TAG_RUNS_COLUMNS_TYPE = 'application/vnd.tensorlens.scalar-columns';

export interface TagRunColumnsHeader {
  tag: string;
  runs: { runId: string; count: number; downsampled: boolean; points: number }[];
}

export interface TagRunColumns {
  count: number;
  downsampled: boolean;
  steps: Float64Array;
  wallTimes: Float64Array;
  values: Float64Array;
}

export interface TagRunPoints {
  count: number;
  downsampled: boolean;
  points: readonly ScalarPoint[];
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export function encodeTagRunColumns(tag: string, runs: ReadonlyMap<string, TagRunPoints>): Uint8Array {
  const header: TagRunColumnsHeader = { tag, runs: [...runs].map(([runId, r]) => ({ runId, count: r.count, downsampled: r.downsampled, points: r.points.length })) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align8(4 + json.length);
  const total = header.runs.reduce((n, r) => n + r.points, 0);
  const bytes = new Uint8Array(start + total * 3 * 8);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  // Float64Array is in the platform's byte order; every platform Node and browsers run on is little-endian.
  const numbers = new Float64Array(bytes.buffer, start);
  let at = 0;
  for (const { points } of runs.values()) {
    const n = points.length;
    for (let i = 0; i < n; i++) {
      const [step, wallTime, value] = points[i];
      numbers[at + i] = step;
      numbers[at + n + i] = wallTime;
      numbers[at + 2 * n + i] = value;
    }
    at += 3 * n;
  }
  return bytes;
}

/** Views into `buffer`, no copies; throws on an answer that does not hold what its header says. */
export function decodeTagRunColumns(buffer: ArrayBuffer): { tag: string; runs: Map<string, TagRunColumns> } {
  if (buffer.byteLength < 4) throw new Error('scalar columns: the answer is too short for its header');
  const length = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, Math.min(length, buffer.byteLength - 4)))) as TagRunColumnsHeader;
  let at = align8(4 + length);
  const expected = at + header.runs.reduce((n, r) => n + r.points, 0) * 3 * 8;
  if (expected !== buffer.byteLength) throw new Error(`scalar columns: the header says ${expected} bytes, the answer holds ${buffer.byteLength}`);
  const runs = new Map<string, TagRunColumns>();
  for (const { runId, count, downsampled, points: n } of header.runs) {
    const column = (k: number) => new Float64Array(buffer, at + k * n * 8, n);
    runs.set(runId, { count, downsampled, steps: column(0), wallTimes: column(1), values: column(2) });
    at += 3 * n * 8;
  }
  return { tag: header.tag, runs };
}
