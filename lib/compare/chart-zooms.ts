/**
 * Each chart's zoom in the address, by tag, in the x axis' own units (steps, seconds since the
 * run started, or wall-clock ms):
 *
 *   zoom=batch/loss:1200:5400,epoch/acc:3:9
 *
 * Tags hold no `,` or `:`. An entry that does not read as a tag and two ordered finite numbers is
 * dropped on its own.
 */
export type ChartZooms = Record<string, readonly [from: number, to: number]>;

/** Thousandths are finer than any step, second or millisecond a user zooms to. */
const round = (x: number) => Math.round(x * 1000) / 1000;

export function readChartZooms(value: string | null): ChartZooms {
  const zooms: Record<string, [number, number]> = {};
  for (const entry of (value ?? '').split(',')) {
    const parts = entry.split(':');
    if (parts.length !== 3 || parts[0] === '' || parts[1] === '' || parts[2] === '') continue;
    const [from, to] = [Number(parts[1]), Number(parts[2])];
    if (Number.isFinite(from) && Number.isFinite(to) && from < to) zooms[parts[0]] = [from, to];
  }
  return zooms;
}

export function writeChartZooms(zooms: ChartZooms): string {
  return Object.entries(zooms)
    .map(([tag, [from, to]]) => `${tag}:${round(from)}:${round(to)}`)
    .join(',');
}

/** The same zoom, as far as the address can tell. */
export function sameZoom(a: readonly [number, number] | null | undefined, b: readonly [number, number] | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return round(a[0]) === round(b[0]) && round(a[1]) === round(b[1]);
}
