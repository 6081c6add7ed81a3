/**
 * TensorBoard's text plugin renders a string tensor: one string as Markdown, a vector or matrix of
 * strings as a table. The text kind holds Markdown, so a vector becomes a one-column table and a
 * matrix a table row for row; higher ranks TensorBoard itself does not show whole.
 */

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(rows: readonly string[][]): string {
  const width = rows[0].length;
  const header = `|${' |'.repeat(width)}`;
  const rule = `|${' --- |'.repeat(width)}`;
  return [header, rule, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/** The Markdown for a text summary, or null when its rank is above 2. */
export function textMarkdown(shape: readonly number[], texts: readonly string[]): string | null {
  if (shape.length === 0 || texts.length === 1) return texts[0] ?? '';
  if (shape.length === 1) return table(texts.map((t) => [t]));
  if (shape.length === 2 && shape[1] > 0) {
    const rows: string[][] = [];
    for (let i = 0; i < texts.length; i += shape[1]) rows.push(texts.slice(i, i + shape[1]));
    return table(rows);
  }
  return null;
}
