import type { WordTable } from '../../kinds/embedding/reader';

export interface SelectedWord {
  row: number;
  word: string;
  count: number;
  logOdds: number | null;
}

export interface SelectionSummary {
  /** Every selected word, most frequent first. */
  words: SelectedWord[];
  /** Occurrences of the selected words in the training reviews, summed. */
  totalCount: number;
  /** The plain mean of the words' log-odds (each word counts once), or null without sentiment. */
  meanLogOdds: number | null;
}

/** What a lasso caught, as the side panel lists it. */
export function summarizeSelection(rows: readonly number[], labels: WordTable): SelectionSummary {
  const words = rows
    .map((row) => ({ row, word: labels.words[row] ?? `#${row}`, count: labels.counts[row] ?? 0, logOdds: labels.logOdds?.[row] ?? null }))
    .sort((a, b) => b.count - a.count || a.row - b.row);
  const totalCount = words.reduce((sum, w) => sum + w.count, 0);
  const scored = words.filter((w) => w.logOdds !== null);
  const meanLogOdds = labels.logOdds && scored.length > 0 ? scored.reduce((sum, w) => sum + w.logOdds!, 0) / scored.length : null;
  return { words, totalCount, meanLogOdds };
}

/** The selected words containing the query, ignoring case; all of them for an empty query. */
export function filterSelection(words: readonly SelectedWord[], query: string): SelectedWord[] {
  const wanted = query.trim().toLowerCase();
  return wanted ? words.filter((w) => w.word.toLowerCase().includes(wanted)) : [...words];
}
