import { METRIC_STATS, type MetricStat } from './run-table-columns';

export interface ColumnChoice {
  fixed: ReadonlySet<string>;
  /** `differences`: the config keys that differ among the runs; `all`: every key. */
  config: 'differences' | 'all';
  /** Stats shown per tag. */
  stats: ReadonlySet<MetricStat>;
  /** Tags with metric columns. */
  tags: ReadonlySet<string>;
}

export const FIXED_COLUMNS = [
  ['status', 'Status'],
  ['duration', 'Duration'],
  ['model', 'Model'],
] as const;

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

function Check<T>({ set, value, label, mono, onChange }: { set: ReadonlySet<T>; value: T; label: string; mono?: boolean; onChange: (next: Set<T>) => void }) {
  return (
    <label className={mono ? 'check mono' : 'check'}>
      <input type="checkbox" checked={set.has(value)} onChange={(e) => onChange(toggled(set, value, e.target.checked))} />
      {label}
    </label>
  );
}

/** The run table's columns, chosen by the user: fixed facts, config keys, and per tag which stats. */
export function ColumnPicker({ choice, tags, onChange }: { choice: ColumnChoice; tags: readonly string[]; onChange: (choice: ColumnChoice) => void }) {
  return (
    <details className="control picker column-picker">
      <summary>Columns</summary>
      <div className="picker-list">
        {FIXED_COLUMNS.map(([id, label]) => (
          <Check<string> key={id} set={choice.fixed} value={id} label={label} onChange={(fixed) => onChange({ ...choice, fixed })} />
        ))}
        <hr />
        {METRIC_STATS.map((stat) => (
          <Check key={stat} set={choice.stats} value={stat} label={stat} onChange={(stats) => onChange({ ...choice, stats })} />
        ))}
        <hr />
        {tags.map((tag) => (
          <Check key={tag} set={choice.tags} value={tag} label={tag} mono onChange={(chosen) => onChange({ ...choice, tags: chosen })} />
        ))}
      </div>
    </details>
  );
}
