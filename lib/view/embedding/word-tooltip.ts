import { escapeHtml } from '../shared/escape-html';
import type { WordTable } from '../../kinds/embedding/reader';

export function formatLogOdds(value: number): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
}

/** A word's tooltip on the projector. ECharts inserts it as HTML and the word is user input, so it is escaped. */
export function wordTooltipHtml(labels: WordTable, index: number): string {
  const word = labels.words[index] ?? `#${index}`;
  const rows = [`<div class="tt-row">count<b>${(labels.counts[index] ?? 0).toLocaleString('en-US')}</b></div>`];
  if (labels.logOdds) rows.push(`<div class="tt-row">log-odds<b>${formatLogOdds(labels.logOdds[index])}</b></div>`);
  return `<div class="tt-head projector-tt-word">${escapeHtml(word)}</div>${rows.join('')}`;
}
