import { escapeHtml } from '../shared/escape-html';
import { formatDuration, formatValue } from '../shared/format';
import type { XAxis } from '../../compare/url-state';
import type { SmoothedDatum } from './draw-run';

/** A group's mean line carries its band and how many runs stand behind the point. */
export type GroupDatum = [x: number, mean: number | null, lo: number, hi: number, count: number, step: number];

interface Param {
  seriesId?: string;
  seriesName?: string;
  marker?: unknown;
  axisValue?: number | string;
  data: unknown;
}

/** Past this many rows the tooltip says how many more there are: fifty runs would not fit a chart. */
const MAX_ROWS = 24;

export function formatX(x: number, axis: XAxis): string {
  if (axis === 'step') return `step ${Math.round(x).toLocaleString('en')}`;
  if (axis === 'relative') return formatDuration(x * 1000);
  return new Date(x).toLocaleString();
}

function valueCell(value: number | null, raw: number): string {
  const shown = value ?? raw;
  return `<b class="${Number.isFinite(shown) ? '' : 'tt-bad'}">${formatValue(shown)}</b>`;
}

interface Row {
  sortBy: number;
  html: string;
}

function row(p: Param): Row | null {
  const id = p.seriesId ?? '';
  const marker = typeof p.marker === 'string' ? p.marker : '';
  const name = `<span class="tt-name">${escapeHtml(p.seriesName ?? '')}</span>`;
  if (id.startsWith('run:')) {
    const [, smoothed, raw, step] = p.data as SmoothedDatum;
    const rawCell = smoothed === raw ? '' : `<span class="tt-muted">raw</span>${valueCell(raw, raw)}`;
    return {
      sortBy: smoothed ?? (Number.isFinite(raw) ? raw : -Infinity),
      html: `<div class="tt-row">${marker}${name}${valueCell(smoothed, raw)}${rawCell}<span class="tt-muted">@ ${step}</span></div>`,
    };
  }
  if (id.startsWith('group:')) {
    const [, mean, lo, hi, count] = p.data as GroupDatum;
    return {
      sortBy: mean ?? -Infinity,
      html:
        `<div class="tt-row">${marker}${name}${valueCell(mean, NaN)}` +
        `<span class="tt-muted">${formatValue(lo)} … ${formatValue(hi)} · ${count} run${count === 1 ? '' : 's'}</span></div>`,
    };
  }
  return null;
}

/**
 * Every run's value at the hovered x, highest first, smoothed with its raw value beside it; runs
 * whose value is not finite go last, in red. Names are the user's, so they are escaped.
 */
export function compareTooltip(axis: XAxis): (params: Param | Param[]) => string {
  return (params) => {
    const list = Array.isArray(params) ? params : [params];
    const rows = list.flatMap((p) => row(p) ?? []).sort((a, b) => b.sortBy - a.sortBy);
    const more = rows.length > MAX_ROWS ? `<div class="tt-muted">and ${rows.length - MAX_ROWS} more</div>` : '';
    const head = escapeHtml(formatX(Number(list[0]?.axisValue ?? NaN), axis));
    return `<div class="tt-head">${head}</div>${rows
      .slice(0, MAX_ROWS)
      .map((r) => r.html)
      .join('')}${more}`;
  };
}
