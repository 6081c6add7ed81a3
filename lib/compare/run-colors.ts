/**
 * One colour per run, the same in the run list, the legend, every chart and the tables.
 *
 * - The palette starts with the dashboard's six series colours (app/globals.css) and adds eight
 *   more of similar weight, all mid-tone so that they read on the light and the dark theme. More
 *   colours would sit too close to tell lines apart; past fourteen runs colours repeat.
 * - A run's colour comes from a hash of its id, so it does not depend on list order or on which
 *   page draws it. Among the runs shown together a taken colour moves a run on to the next free
 *   one; the runs are served oldest first (by start time, then id), so a new run joining a
 *   comparison never recolours the runs already there. Once all fourteen are taken a new round
 *   starts.
 * - A user's choice (`#rrggbb`) wins, and takes its palette colour out of the round; an override
 *   that is not such a colour is ignored.
 */
export const RUN_PALETTE: readonly string[] = [
  '#2f6fed', '#f07c12', '#13a08a', '#a64bd6', '#d6357f', '#7a8a16', '#c7452e',
  '#1b9fd4', '#9c6b3c', '#5b5bd6', '#2f9e44', '#c9a000', '#e0709f', '#6b7a90',
];

export interface ColoredRun {
  id: string;
  startedAt: number;
}

export type ColorOverrides = Readonly<Record<string, string>>;

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function isRunColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/** FNV-1a: fast, and spreads ids that differ in one character. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function preferredColorIndex(id: string): number {
  return hash(id) % RUN_PALETTE.length;
}

/** Colours of the runs shown together, by run id. */
export function assignRunColors(runs: readonly ColoredRun[], overrides: ColorOverrides = {}): Map<string, string> {
  const colors = new Map<string, string>();
  const used = new Set<number>();
  for (const run of runs) {
    const override = overrides[run.id];
    if (!isRunColor(override)) continue;
    colors.set(run.id, override.toLowerCase());
    const index = RUN_PALETTE.indexOf(override.toLowerCase());
    if (index >= 0) used.add(index);
  }
  const oldestFirst = runs
    .filter((run) => !colors.has(run.id))
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const run of oldestFirst) {
    if (used.size === RUN_PALETTE.length) used.clear();
    let index = preferredColorIndex(run.id);
    while (used.has(index)) index = (index + 1) % RUN_PALETTE.length;
    used.add(index);
    colors.set(run.id, RUN_PALETTE[index]);
  }
  return new Map(runs.map((run) => [run.id, colors.get(run.id)!]));
}
