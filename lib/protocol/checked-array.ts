import { z } from 'zod';

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
