import type { WordTable } from '../../kinds/embedding/reader';
import { formatLogOdds } from './word-tooltip';
import type { WordNeighbors } from './use-word-neighbors';

export interface NeighborListProps {
  labels: WordTable;
  selected: number;
  result: WordNeighbors;
  onSelect: (row: number) => void;
}

/** The selected word and its nearest words by cosine similarity in the embedding space; each is selectable. */
export function NeighborList({ labels, selected, result, onSelect }: NeighborListProps) {
  const { neighbors, loading, error } = result;
  return (
    <section className="projector-neighbors" data-testid="projector-neighbors" aria-live="polite">
      <h3>
        <span className="projector-word" data-testid="projector-selected">
          {labels.words[selected]}
        </span>
        <span className="muted">
          {' '}
          count {labels.counts[selected].toLocaleString('en-US')}
          {labels.logOdds && ` · log-odds ${formatLogOdds(labels.logOdds[selected])}`}
        </span>
      </h3>
      {loading && <p className="muted">Finding neighbours…</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {neighbors && neighbors.length === 0 && <p className="muted">This word has no neighbours: its vector is all zeros.</p>}
      {neighbors && neighbors.length > 0 && (
        <ol>
          {neighbors.map((n) => (
            <li key={n.index}>
              <button type="button" className="projector-neighbor" data-row={n.index} onClick={() => onSelect(n.index)}>
                <span className="projector-word">{n.word}</span>
                <span className="projector-similarity" title="cosine similarity">
                  {n.similarity.toFixed(3)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
