import { escapeHtml } from './escape-html';
import { formatValue } from './format';

export interface CompareTooltipPoint {
  runName: string;
  stepLabel: string;
  value: number;
  count: number;
  density: number;
}

/** ECharts puts the returned string in the page as HTML, and run names are user input. */
export function histogramCompareTooltip(p: CompareTooltipPoint): string {
  return (
    `<div class="tt-head">${escapeHtml(p.runName)}</div>` +
    `<div class="tt-row tt-muted">${escapeHtml(p.stepLabel)}</div>` +
    `<div class="tt-row">≈${formatValue(p.value)}<b>${p.count}</b></div>` +
    `<div class="tt-row tt-muted">density ${formatValue(p.density)}</div>`
  );
}
