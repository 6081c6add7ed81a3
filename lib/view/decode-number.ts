import type { WireNumber } from '../protocol/wire-number';

/**
 * The browser's copy of decodeNumber in lib/protocol/wire-number.ts. That module also builds zod
 * schemas at load time, which no bundler can drop, and importing it put all of zod (about 100 KB)
 * into every page.
 */
export function decodeNumber(value: WireNumber): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  return value === 'Infinity' ? Infinity : -Infinity;
}
