import { escapeHtml } from '../shared/escape-html';
import { formatDuration, formatValue } from '../shared/format';
import type { XAxis } from '../../compare/url-state';

/** What the tooltip shows of a drawn point, found through the point's index on its line. */
export type TooltipValues = { kind: 'run'; smoothed: number; raw: number; step: number } | { kind: 'group'; mean: number; lo: number; hi: number; count: number };

/** By series id: the values behind each point of a line, as the last draw left them. */
export type TooltipLookup = Map<string, (dataIndex: number) => TooltipValues>;

interface Param {
  seriesId?: string;
  seriesName?: string;
  marker?: unknown;
  axisValue?: number | string;
  dataIndex: number;
}

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

function row(p: Param, values: TooltipValues): { sortBy: number; html: string } {
  const start = `<div class="tt-row">${typeof p.marker === 'string' ? p.marker : ''}<span class="tt-name">${escapeHtml(p.seriesName ?? '')}</span>`;
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
 * Every run's value at the hovered x, highest first, smoothed with its raw value beside it; values
 * that are not finite go last, in red. Names are the user's, so they are escaped.
 */
export function compareTooltip(axis: XAxis, lookup: TooltipLookup): (params: Param | Param[]) => string {
  return (params) => {
    const list = Array.isArray(params) ? params : [params];
    const rows = list.flatMap((p) => {
      const values = lookup.get(p.seriesId ?? '')?.(p.dataIndex);
      return values ? [row(p, values)] : [];
    });
    rows.sort(byValue);
    const more = rows.length > MAX_ROWS ? `<div class="tt-muted">and ${rows.length - MAX_ROWS} more</div>` : '';
    const head = escapeHtml(formatX(Number(list[0]?.axisValue ?? NaN), axis));
    return `<div class="tt-head">${head}</div>${rows
      .slice(0, MAX_ROWS)
      .map((r) => r.html)
      .join('')}${more}`;
  };
}
