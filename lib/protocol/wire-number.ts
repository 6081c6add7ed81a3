/**
 * JSON has no NaN or Infinity, yet a diverging loss is a training event worth keeping,
 * so non-finite values travel as these strings. No zod here: the browser imports this file.
 */
export type WireNumber = number | 'NaN' | 'Infinity' | '-Infinity';

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
