import type { WireNumber } from '../../protocol/wire-number';

/**
 * Every shape a scalar point takes, one per boundary. No zod here: the browser imports this file.
 *
 * In memory (SQLite rows, the reader, the latest point of a tag, the dashboard's series) a point is
 * `[step, wallTimeMs, value]`; the downsampler works on that shape so server and browser share it.
 */
export type ScalarPoint<V = number> = [step: number, wallTime: number, value: V];

/** The latest point of a tag, as the run list shows it. */
export type LastPoint = ScalarPoint;

/** The latest point with its value encoded for JSON. */
export type WireLastPoint = ScalarPoint<WireNumber>;

/** A point with its tag in front: a point pushed to dashboards over the live socket is one with its value encoded. */
export type TaggedPoint<V = number> = [tag: string, step: number, wallTime: number, value: V];

export type LivePoint = TaggedPoint<WireNumber>;

/** The live push of one stored batch. */
export interface ScalarsEvent {
  type: 'scalars';
  runId: string;
  points: LivePoint[];
}

/** A point of `GET /api/runs/{id}/scalars/{tag}`: `[wallTimeSeconds, step, value]`, TensorBoard's order. */
export type HttpPoint = [wallTime: number, step: number, value: WireNumber];

/** One tag's points as ingest carries them: columns keep the tag out of every point. */
export interface ScalarColumnsData {
  tag: string;
  steps: readonly number[];
  wallTimes: readonly number[];
  values: readonly number[];
}

