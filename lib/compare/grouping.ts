import { canonicalConfigValue, Config, configValue, formatConfigValue } from './config-values';

/**
 * Runs grouped by the values of one or more config keys (dotted paths), as W&B's "group by".
 *
 * - Runs whose values are equal (canonical JSON, so 1 and "1" are apart) share a group; a run
 *   without a key has the value "missing", and those runs group together.
 * - Groups are ordered by their values, key by key: numbers ascending, then text, then anything
 *   else, missing last; runs keep the order they were given in. No keys means one group of all.
 * - The label reads `lr=0.01, batch_size=32`, with `—` for a missing value.
 */
export interface GroupableRun {
  id: string;
  config: Config;
}

export interface RunGroup {
  /** Stable for the same values: suitable for a React key or the address. */
  id: string;
  label: string;
  /** One per grouping key; undefined where the runs lack it. */
  values: unknown[];
  runIds: string[];
}

const collator = new Intl.Collator('en', { numeric: true });

function rank(value: unknown): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  return value === undefined ? 3 : 2;
}

function compareValues(a: unknown, b: unknown): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return collator.compare(canonicalConfigValue(a), canonicalConfigValue(b));
}

export function groupRuns(runs: readonly GroupableRun[], keys: readonly string[]): RunGroup[] {
  const groups = new Map<string, RunGroup>();
  for (const run of runs) {
    const values = keys.map((key) => configValue(run.config, key));
    const id = JSON.stringify(values.map(canonicalConfigValue));
    let group = groups.get(id);
    if (!group) {
      const label = keys.map((key, i) => `${key}=${values[i] === undefined ? '—' : formatConfigValue(values[i])}`).join(', ');
      groups.set(id, (group = { id, label, values, runIds: [] }));
    }
    group.runIds.push(run.id);
  }
  return [...groups.values()].sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = compareValues(a.values[i], b.values[i]);
      if (order !== 0) return order;
    }
    return 0;
  });
}
