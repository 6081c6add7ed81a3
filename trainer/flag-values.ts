/** A flag value the user got wrong; the message is meant for them. */
export class FlagError extends Error {}

export function integer(name: string, raw: string | undefined, fallback: number | undefined, min: number): number | undefined {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new FlagError(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

export function real(name: string, raw: string | undefined, fallback: number, min: number, max: number, openMin = false): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n > max || (openMin ? n <= min : n < min)) {
    throw new FlagError(`--${name} must be a number in ${openMin ? '(' : '['}${min}, ${max}], got "${raw}"`);
  }
  return n;
}

export function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw new FlagError(`--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}
