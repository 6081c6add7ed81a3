/**
 * Python's float formatting, which TensorBoard's CSV export uses for non-finite values.
 * Its own module so that the browser's export can share it without the reader's zod and store.
 */
export function csvNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}
