import { useMemo, useState } from 'react';
import type { WordTable } from '../../kinds/embedding/reader';
import { filterSelection, summarizeSelection } from './summarize-selection';
import { formatLogOdds } from './word-tooltip';

/** Past this many rows the list is cut: the search narrows it down. */
const SHOWN_WORDS = 300;

export interface SelectionPanelProps {
  labels: WordTable;
  rows: readonly number[];
  onSelect: (row: number) => void;
  onClear: () => void;
}

/** The words a lasso or box caught, most frequent first, with their counts and mean log-odds; searchable. */
export function SelectionPanel({ labels, rows, onSelect, onClear }: SelectionPanelProps) {
  const [query, setQuery] = useState('');
  const summary = useMemo(() => summarizeSelection(rows, labels), [rows, labels]);
  const shown = filterSelection(summary.words, query);
  return (
    <section className="projector-selection" data-testid="projector-selection" data-words={summary.words.length}>
      <h3>
        <span data-testid="projector-selection-count">{summary.words.length.toLocaleString('en-US')} words selected</span>{' '}
        <button type="button" onClick={onClear}>
          Clear
        </button>
      </h3>
      <p className="muted">
        {summary.totalCount.toLocaleString('en-US')} occurrences
        {summary.meanLogOdds !== null && (
          <>
            {' · mean log-odds '}
            <b data-testid="projector-selection-mean">{formatLogOdds(summary.meanLogOdds)}</b>
          </>
        )}
      </p>
      <input type="search" aria-label="Search the selection" placeholder="Search the selection" value={query} onChange={(e) => setQuery(e.target.value)} />
      {query.trim() && <p className="muted">{shown.length.toLocaleString('en-US')} match</p>}
      <ol className="projector-selection-words">
        {shown.slice(0, SHOWN_WORDS).map((w) => (
          <li key={w.row}>
            <button type="button" className="projector-neighbor" data-row={w.row} onClick={() => onSelect(w.row)}>
              <span className="projector-word">{w.word}</span>
              <span className="projector-similarity">
                {w.count.toLocaleString('en-US')}
                {w.logOdds !== null && ` · ${formatLogOdds(w.logOdds)}`}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {shown.length > SHOWN_WORDS && <p className="muted">and {(shown.length - SHOWN_WORDS).toLocaleString('en-US')} more: search to narrow them down.</p>}
    </section>
  );
}
