import type { RunDrift } from '../../kinds/embedding/read-drift';
import type { WordDrift } from './use-word-drift';

function DriftRunTable({ drift, testId }: { drift: RunDrift; testId: string }) {
  return (
    <div className="drift-run" data-testid={testId}>
      <h4>
        {drift.runName} <span className="muted">· {drift.tag}</span>
      </h4>
      <table className="drift-table">
        <thead>
          <tr>
            <th scope="col">Snapshot</th>
            <th scope="col">Top {drift.rows[0]?.neighbors.length ?? 0} neighbours (new ones marked)</th>
            <th scope="col">Left</th>
          </tr>
        </thead>
        <tbody>
          {drift.rows.map((row) => {
            const entered = new Set(row.entered);
            return (
              <tr key={row.step} data-testid="drift-row" data-step={row.step}>
                <th scope="row">{row.epoch === null ? `step ${row.step}` : `epoch ${row.epoch}`}</th>
                <td>
                  {row.neighbors.map((n) => (
                    <span key={n.index} className={entered.has(n.word) ? 'drift-word drift-entered' : 'drift-word'} title={`cosine ${n.similarity.toFixed(3)}`}>
                      {n.word}
                    </span>
                  ))}
                </td>
                <td>
                  {row.left.map((word) => (
                    <span key={word} className="drift-word drift-left">
                      {word}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface DriftPanelProps {
  word: string;
  result: WordDrift;
  compare: string | null;
  onCompare: (runId: string | null) => void;
}

/** A word's neighbours at every snapshot, what entered and left, and the same in another run beside them. */
export function DriftPanel({ word, result, compare, onCompare }: DriftPanelProps) {
  const { drift, loading, error } = result;
  return (
    <section className="card projector-drift" data-testid="projector-drift" aria-live="polite">
      <header className="chart-head">
        <h3>
          Neighbour drift of <span className="projector-word">{word}</span>
        </h3>
        {drift && drift.sameVocabularyRuns.length > 0 && (
          <label>
            Compare with{' '}
            <select aria-label="Compare with run" value={compare ?? ''} onChange={(e) => onCompare(e.target.value || null)}>
              <option value="">no other run</option>
              {drift.sameVocabularyRuns.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {loading && <p className="muted">Reading every snapshot…</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {drift && (
        <div className="drift-runs">
          <DriftRunTable drift={drift} testId="drift-own" />
          {drift.compare && <DriftRunTable drift={drift.compare} testId="drift-compare" />}
        </div>
      )}
      {drift && drift.sameVocabularyRuns.length === 0 && <p className="muted">No other run shares this run's vocabulary to compare with.</p>}
    </section>
  );
}
