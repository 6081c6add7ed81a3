import { escapeHtml } from '../shared/escape-html';
import { formatValue } from '../shared/format';

/** One run's bucket nearest the pointer. */
export interface CompareTooltipRow {
  runName: string;
  stepLabel: string;
  color: string;
  value: number;
  count: number;
  density: number;
}

/** ECharts puts the returned string in the page as HTML, and run names are user input. */
export function histogramCompareTooltip(rows: readonly CompareTooltipRow[]): string {
  return rows
    .map(
      (r) =>
        `<div class="tt-row"><span class="compare-tt-swatch" style="background:${escapeHtml(r.color)}"></span>` +
        `<span class="tt-name">${escapeHtml(r.runName)}</span><b>${r.count}</b></div>` +
        `<div class="tt-row tt-muted">${escapeHtml(r.stepLabel)} · ≈${formatValue(r.value)} · density ${formatValue(r.density)}</div>`,
    )
    .join('');
}
