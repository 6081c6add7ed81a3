import type { RunSource } from '../../protocol/run-source';
import './run-source.css';

/** The label the run list and the run page put on a run read from a TensorBoard logdir. */
export function ImportedBadge({ source }: { source: RunSource }) {
  return (
    <span className="imported-badge" data-testid="imported" title={`Imported from the TensorBoard logdir at ${source.path}`}>
      TensorBoard
    </span>
  );
}

/**
 * Where an imported run came from and what changed on the way: how its folders became one run,
 * renamed tags, the hparams experiment's metrics, what Tensorlens does not show, and file damage.
 */
export function RunSourceDetails({ source }: { source: RunSource }) {
  const damage = source.problems.filter((p) => p.count > 0 || p.kind === 'unreadable');
  return (
    <details className="run-source" data-testid="run-source" open={damage.length > 0}>
      <summary>
        Imported from <span className="mono">{source.path}</span>
        {source.notShown.length > 0 && <span className="muted"> · {source.notShown.length} not shown</span>}
        {damage.length > 0 && <span className="source-damage"> · {damage.length} file problem{damage.length === 1 ? '' : 's'}</span>}
      </summary>
      <ul className="source-details">
        {source.details.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {source.metrics.length > 0 && (
          <li>
            Experiment metrics (hparams): <span className="mono">{source.metrics.join(', ')}</span>
          </li>
        )}
      </ul>
      {source.renamedTags.length > 0 && (
        <SourceTable caption="Tags renamed (Tensorlens tags hold letters, digits, _ . - / and spaces)" head={['written as', 'shown as']} rows={source.renamedTags.map((r) => [r.tag, r.shownAs])} />
      )}
      {source.notShown.length > 0 && (
        <SourceTable
          caption="Not shown"
          testId="not-shown"
          head={['tag', 'plugin', 'records', 'why']}
          rows={source.notShown.map((n) => [n.tag, n.plugin, String(n.count), n.reason ?? 'Tensorlens has no view for this plugin'])}
        />
      )}
      {damage.length > 0 && (
        <ul className="source-problems" role="alert" data-testid="source-problems">
          {damage.map((p) => (
            <li key={`${p.file}\u0000${p.kind}`} data-kind={p.kind}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function SourceTable({ caption, head, rows, testId }: { caption: string; head: string[]; rows: string[][]; testId?: string }) {
  return (
    <table className="kv source-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.join('\u0000')}>
            {row.map((cell, i) => (
              <td key={i} className={i === 0 ? 'mono' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
