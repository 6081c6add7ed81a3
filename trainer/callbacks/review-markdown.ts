import { PAD_INDEX, START_INDEX } from '../data/vocabulary';
import type { ReviewSelection, ScoredReview } from './select-reviews';

/** A table cell shows the start of a review; the dashboard is for spotting patterns, not reading it all. */
export const MAX_REVIEW_CHARS = 300;

/**
 * A review as the model read it: its token ids back to words, padding dropped, words outside the
 * vocabulary as the vocabulary names them (`<oov>`). Without the start token, pad_sequences cut the
 * review's beginning, which the leading "…" says.
 */
export function decodeReview(ids: ArrayLike<number>, words: readonly string[]): string {
  const out: string[] = [];
  let started = false;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === START_INDEX) started = true;
    if (id === PAD_INDEX || id === START_INDEX) continue;
    out.push(words[id] ?? `#${id}`);
  }
  return (started ? '' : '… ') + out.join(' ');
}

/**
 * Text made safe for one Markdown table cell: on one line, HTML-significant characters as entities,
 * and the characters Markdown reads inline (emphasis, code, links, the cell separator) escaped.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/** Cut at a word boundary to at most `max` characters, with "…" where it was cut. */
export function truncateReview(text: string, max = MAX_REVIEW_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > 0 ? cut : max - 1)} …`;
}

function table(title: string, reviews: readonly ScoredReview[], textOf: (row: number) => string): string {
  const heading = `#### ${title}\n\n`;
  if (reviews.length === 0) return `${heading}_none_`;
  const rows = reviews.map((r) => `| ${r.probability.toFixed(3)} | ${r.label === 1 ? 'positive' : 'negative'} | ${escapeMarkdownCell(truncateReview(textOf(r.row)))} |`);
  return `${heading}| p(positive) | label | review |\n| ---: | :--- | :--- |\n${rows.join('\n')}`;
}

/** The epoch's selection as one Markdown document: a summary line, then one table per group. */
export function reviewsMarkdown(selection: ReviewSelection, textOf: (row: number) => string, epoch: number): string {
  const { scored, right } = selection;
  const share = scored > 0 ? ` (${((100 * right) / scored).toFixed(1)}%)` : '';
  return [
    `**Epoch ${epoch}**: ${right} of ${scored} validation reviews read right${share}.`,
    table('Most confidently wrong: negative reviews read as positive', selection.falsePositives, textOf),
    table('Most confidently wrong: positive reviews read as negative', selection.falseNegatives, textOf),
    table('Most confidently right', selection.confidentlyRight, textOf),
  ].join('\n\n');
}
