import { z } from 'zod';

/**
 * JSON has no NaN or Infinity, yet a diverging loss is a training event worth keeping,
 * so non-finite values travel as these strings.
 */
export const wireNumberSchema = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);
export type WireNumber = z.infer<typeof wireNumberSchema>;

export function encodeNumber(value: number): WireNumber {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

export function decodeNumber(value: WireNumber): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  return value === 'Infinity' ? Infinity : -Infinity;
}

export function isWireNumber(value: unknown): value is WireNumber {
  return typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity';
}

/**
 * An array whose every element passes `check`, validated in one loop: a batch carries thousands
 * of numbers and per-element schemas dominated ingest time. Reports the first bad index.
 */
export function checkedArray<T>(check: (value: unknown) => value is T, message: string) {
  return z.custom<unknown[]>((v) => Array.isArray(v), 'expected an array').superRefine((items, ctx) => {
    for (let i = 0; i < items.length; i++) {
      if (!check(items[i])) {
        ctx.addIssue({ code: 'custom', path: [i], message });
        return;
      }
    }
  }) as unknown as z.ZodType<T[]>;
}

export const isStep = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
