function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Hyper-parameters, collapsed by default: they matter when comparing, not while watching. */
export function ConfigTable({ config }: { config: Record<string, unknown> }) {
  const entries = Object.entries(config).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <details className="config">
      <summary>Config ({entries.length})</summary>
      <table className="kv">
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key}>
              <th className="mono">{key}</th>
              <td className="mono">{display(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
