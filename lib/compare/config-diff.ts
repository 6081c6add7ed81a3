import { canonicalConfigValue, compareConfigPaths, Config, flattenConfig, formatConfigValue } from './config-values';

/**
 * The run table's config columns: every flattened key of the selected runs, and which of them
 * differ among those runs, the ones a user compares first ("differences only").
 *
 * - Columns are in path order (compareConfigPaths), not in the order a config happened to list its
 *   keys, so selecting another run never reorders the columns it shares with the others.
 * - A key some runs lack differs (missing is a value of its own); with fewer than two runs nothing
 *   differs.
 * - Cells keep the raw value for sorting beside the text to show.
 */
export interface ConfiguredRun {
  id: string;
  config: Config;
}

export interface ConfigCell {
  value: unknown;
  text: string;
  missing: boolean;
}

export interface ConfigColumn {
  key: string;
  differs: boolean;
  /** One cell per run, in the order the runs were given. */
  cells: ConfigCell[];
}

export interface ConfigDiff {
  all: ConfigColumn[];
  differences: ConfigColumn[];
}

export function diffConfigs(runs: readonly ConfiguredRun[]): ConfigDiff {
  const flat = runs.map((run) => flattenConfig(run.config));
  const keys = [...new Set(flat.flatMap((leaves) => [...leaves.keys()]))].sort(compareConfigPaths);
  const all = keys.map((key): ConfigColumn => {
    const cells = flat.map((leaves): ConfigCell => {
      const value = leaves.get(key);
      return { value, text: formatConfigValue(value), missing: !leaves.has(key) };
    });
    const distinct = new Set(cells.map((c) => canonicalConfigValue(c.value)));
    return { key, differs: distinct.size > 1, cells };
  });
  return { all, differences: all.filter((column) => column.differs) };
}
