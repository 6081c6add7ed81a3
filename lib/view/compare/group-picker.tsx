/** Group by config keys, in the order picked: `lr`, then `optimizer.name` within each lr. */
export function GroupPicker({ keys, groupBy, onChange }: { keys: readonly string[]; groupBy: readonly string[]; onChange: (groupBy: string[]) => void }) {
  return (
    <details className="control picker group-picker">
      <summary>Group by{groupBy.length > 0 ? `: ${groupBy.join(', ')}` : ''}</summary>
      <div className="picker-list">
        {keys.length === 0 && groupBy.length === 0 && <span className="muted">No config keys</span>}
        {[...groupBy, ...keys.filter((key) => !groupBy.includes(key))].map((key) => (
          <label key={key} className="check mono">
            <input
              type="checkbox"
              checked={groupBy.includes(key)}
              onChange={(e) => onChange(e.target.checked ? [...groupBy, key] : groupBy.filter((k) => k !== key))}
            />
            {key}
          </label>
        ))}
      </div>
    </details>
  );
}
