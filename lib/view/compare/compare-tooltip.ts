import { escapeHtml } from '../shared/escape-html';
import { formatDuration, formatValue } from '../shared/format';
import type { XAxis } from '../../compare/url-state';

/** What the tooltip shows of a line at the hovered x: its nearest drawn point's values. */
export type TooltipValues = { kind: 'run'; smoothed: number; raw: number; step: number } | { kind: 'group'; mean: number; lo: number; hi: number; count: number };

export interface TooltipLine {
  name: string;
  color: string;
  /** The values at the drawn point nearest to `x`, or null when the line has none there. */
  at: (x: number) => TooltipValues | null;
}

/** Every line of a chart, as the last draw left it. */
export type TooltipLookup = Map<string, TooltipLine>;

/** Past this many rows the tooltip says how many more there are: fifty runs would not fit a chart. */
const MAX_ROWS = 24;

export function formatX(x: number, axis: XAxis): string {
  if (axis === 'step') return `step ${Math.round(x).toLocaleString('en')}`;
  if (axis === 'relative') return formatDuration(x * 1000);
  return new Date(x).toLocaleString();
}

function valueCell(value: number): string {
  return `<b class="${Number.isFinite(value) ? '' : 'tt-bad'}">${formatValue(value)}</b>`;
}

function row(line: TooltipLine, values: TooltipValues): { sortBy: number; html: string } {
  const start = `<div class="tt-row"><span class="tt-dot" style="background:${escapeHtml(line.color)}"></span><span class="tt-name">${escapeHtml(line.name)}</span>`;
  if (values.kind === 'run') {
    const { smoothed, raw, step } = values;
    const rawCell = Object.is(smoothed, raw) ? '' : `<span class="tt-muted">raw</span>${valueCell(raw)}`;
    return { sortBy: smoothed, html: `${start}${valueCell(smoothed)}${rawCell}<span class="tt-muted">@ ${step}</span></div>` };
  }
  const { mean, lo, hi, count } = values;
  return { sortBy: mean, html: `${start}${valueCell(mean)}<span class="tt-muted">${formatValue(lo)} … ${formatValue(hi)} · ${count} run${count === 1 ? '' : 's'}</span></div>` };
}

/** Highest first; NaN and -Inf last. */
function byValue(a: { sortBy: number }, b: { sortBy: number }): number {
  const x = Number.isNaN(a.sortBy) ? -Infinity : a.sortBy;
  const y = Number.isNaN(b.sortBy) ? -Infinity : b.sortBy;
  return x === y ? 0 : y > x ? 1 : -1;
}

/**
 * Every line's value at the hovered x, highest first: for a run its smoothed value with the raw one
 * beside it, for a group its mean, band and run count. Values that are not finite go last, in red.
 * ECharts' axis tooltip keeps only the series nearest the pointer, and runs logged at other steps
 * (or times) would drop out, so each line is looked up here at its own nearest point. Names are the
 * user's, so they are escaped.
 */
export function compareTooltip(axis: XAxis, lookup: TooltipLookup): (params: { axisValue?: number | string } | { axisValue?: number | string }[]) => string {
  return (params) => {
    const x = Number((Array.isArray(params) ? params[0] : params)?.axisValue ?? NaN);
    const rows = [...lookup.values()].flatMap((line) => {
      const values = line.at(x);
      return values ? [row(line, values)] : [];
    });
    rows.sort(byValue);
    const more = rows.length > MAX_ROWS ? `<div class="tt-muted">and ${rows.length - MAX_ROWS} more</div>` : '';
    return `<div class="tt-head">${escapeHtml(formatX(x, axis))}</div>${rows
      .slice(0, MAX_ROWS)
      .map((r) => r.html)
      .join('')}${more}`;
  };
}
