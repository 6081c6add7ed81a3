/**
 * Every time on the wire is in milliseconds since the epoch. The bound keeps each one a date that
 * JavaScript can show (Date stops at 8.64e15) and refuses the usual mistakes: microseconds
 * (1.7e15 today) and nanoseconds (`date +%s%N`, 1.7e18) land far beyond it. No zod here: the
 * browser imports this file.
 */
export const MAX_TIMESTAMP_MS = Date.UTC(10000, 0, 1);

export const TIMESTAMP_RULE = `must be a time in milliseconds since the epoch, from 0 to ${MAX_TIMESTAMP_MS} (the year 10000); send milliseconds, not microseconds or nanoseconds`;

export function isTimestampMs(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < MAX_TIMESTAMP_MS;
}

/** The ISO form of a stored time, or null for one no Date can hold (a row from before the bound). */
export function isoTime(ms: number): string | null {
  return isTimestampMs(ms) ? new Date(ms).toISOString() : null;
}
