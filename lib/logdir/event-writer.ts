/**
 * Writes TensorBoard event files: the other direction, for exporting a Tensorlens run as a logdir
 * (and for tests that need damaged or half-written files). Events are given as plain objects in the
 * shape of proto/summary-types.ts (camelCase fields); protobufjs checks and encodes them.
 */
import { hostname } from 'node:os';
import type { HistogramData } from '../kinds/histogram/meta';
import { bucketEdge } from '../kinds/histogram/meta';
import { EventType } from './proto/messages';
import { encodeRecord } from './tfrecord';

/** An Event as protobufjs takes it, e.g. `{ wallTime, step, summary: { value: [{ tag, simpleValue }] } }`. */
export type EventInput = Record<string, unknown>;

export function encodeEvent(event: EventInput): Uint8Array {
  return EventType.encode(EventType.fromObject(event)).finish();
}

/** One event, framed as a TFRecord: what is appended to an event file. */
export function eventRecord(event: EventInput): Buffer {
  return encodeRecord(encodeEvent(event));
}

/** The record every event file starts with. */
export function fileVersionRecord(wallTime: number): Buffer {
  return eventRecord({ wallTime, step: 0, fileVersion: 'brain.Event:2' });
}

/** TensorBoard's file name: `events.out.tfevents.<seconds>.<host>`, so files sort by creation time. */
export function eventFileName(wallTime: number, suffix = ''): string {
  return `events.out.tfevents.${Math.floor(wallTime)}.${hostname()}${suffix}`;
}

/**
 * A histogram as PyTorch and TF1 write it: a HistogramProto whose bucket i ends at limit i. The
 * buckets are Tensorlens' equal slices of [min, max]; HistogramProto has no place for NaN or
 * infinities, so `num` counts the finite values only.
 */
export function histogramProtoValue(tag: string, h: HistogramData): EventInput {
  const num = h.counts.reduce((a, b) => a + b, 0);
  const bucketLimit = h.counts.map((_, i) => bucketEdge(h, i + 1));
  return { tag, histo: { min: h.min, max: h.max, num, sum: h.sum, sumSquares: h.sumSquares, bucketLimit, bucket: h.counts } };
}

/** A histogram as Keras writes it: a `[k,3]` float64 tensor (left, right, count) of plugin `histograms`. */
export function histogramValue(tag: string, h: Pick<HistogramData, 'min' | 'max' | 'counts'>): EventInput {
  const rows = h.counts.flatMap((count, i) => [bucketEdge(h, i), bucketEdge(h, i + 1), count]);
  const content = Buffer.alloc(rows.length * 8);
  rows.forEach((v, i) => content.writeDoubleLE(v, i * 8));
  return {
    tag,
    metadata: { pluginData: { pluginName: 'histograms' } },
    tensor: { dtype: 2, tensorShape: { dim: [{ size: h.counts.length }, { size: 3 }] }, tensorContent: content },
  };
}
