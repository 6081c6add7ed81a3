import { type ColumnChoiceState, FIXED_COLUMN_IDS, type FixedColumnId, METRIC_STATS } from '../../compare/column-choice';

const FIXED_LABELS: Record<FixedColumnId, string> = { status: 'Status', duration: 'Duration', model: 'Model' };

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const rest = list.filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

function Check<T>({ list, value, label, mono, onChange }: { list: readonly T[]; value: T; label: string; mono?: boolean; onChange: (next: T[]) => void }) {
  return (
    <label className={mono ? 'check mono' : 'check'}>
      <input type="checkbox" checked={list.includes(value)} onChange={(e) => onChange(toggled(list, value, e.target.checked))} />
      {label}
    </label>
  );
}

/** The run table's columns, chosen by the user: fixed facts, config keys, and per tag which stats. */
export function ColumnPicker({ choice, tags, onChange }: { choice: ColumnChoiceState; tags: readonly string[]; onChange: (choice: ColumnChoiceState) => void }) {
  return (
    <details className="control picker column-picker">
      <summary>Columns</summary>
      <div className="picker-list">
        {FIXED_COLUMN_IDS.map((id) => (
          <Check<string> key={id} list={choice.fixed} value={id} label={FIXED_LABELS[id]} onChange={(fixed) => onChange({ ...choice, fixed })} />
        ))}
        <hr />
        {METRIC_STATS.map((stat) => (
          <Check key={stat} list={choice.stats} value={stat} label={stat} onChange={(stats) => onChange({ ...choice, stats })} />
        ))}
        <hr />
        {tags.map((tag) => (
          <Check key={tag} list={choice.tags} value={tag} label={tag} mono onChange={(chosen) => onChange({ ...choice, tags: chosen })} />
        ))}
      </div>
    </details>
  );
}
