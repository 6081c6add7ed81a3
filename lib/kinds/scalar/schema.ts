import { z } from 'zod';
import { decodeNumber, encodeNumber, wireNumberSchema } from '../../protocol/wire-number';
import { MAX_POINTS_PER_BATCH, ScalarPoint } from './meta';

export const tagSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.\-/ ]+$/, 'tag may hold letters, digits, "_", ".", "-", "/" and spaces');

/** A point on the wire: `[tag, step, wallTimeMs, value]`, compact like TensorBoard's tuples. */
export const wireScalarSchema = z.tuple([tagSchema, z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.number(), wireNumberSchema]);
export type WireScalar = z.infer<typeof wireScalarSchema>;

export const scalarBatchSchema = z.array(wireScalarSchema).min(1).max(MAX_POINTS_PER_BATCH);

export function toWireScalar(p: ScalarPoint): WireScalar {
  return [p.tag, p.step, p.wallTime, encodeNumber(p.value)];
}

export function fromWireScalar([tag, step, wallTime, value]: WireScalar): ScalarPoint {
  return { tag, step, wallTime, value: decodeNumber(value) };
}
