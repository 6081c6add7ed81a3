import { CHANGE_BANDS, type ChangeBand } from './graph-stats';

export const BAND_COLORS: Record<ChangeBand, string> = {
  frozen: '#94a3b8',
  steady: '#16a34a',
  fast: '#f59e0b',
  jumping: '#ea580c',
  'non-finite': '#dc2626',
};

/**
 * Carried inside the <svg>, so the downloaded SVG and PNG look as the page does without its CSS.
 * The drawing is light in both themes, as a plot on paper.
 */
export const GRAPH_SVG_STYLE = `
.graph-bg { fill: #ffffff; }
.graph-box { fill: #f8fafc; stroke: #64748b; stroke-width: 1; }
.graph-input .graph-box { fill: #eef4ff; }
.graph-nested .graph-box { fill: #f5f0ff; stroke: #7c3aed; }
.graph-open > .graph-box { fill: #faf8ff; stroke: #7c3aed; stroke-dasharray: 5 3; }
.graph-nested:focus { outline: none; }
.graph-nested:focus-visible > .graph-box { stroke-width: 2.5; }
.graph-node text, .graph-edge-label { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace; fill: #1c2330; }
.graph-name { font-weight: 700; }
.graph-class, .graph-detail { fill: #475569; }
.graph-toggle { fill: #7c3aed; }
.graph-stat { fill: #1c2330; }
.graph-norm-track { fill: #e2e8f0; }
.graph-edge { fill: none; stroke: #64748b; stroke-width: 1.3; }
.graph-arrow { fill: #64748b; }
.graph-edge-label { fill: #7c3aed; font-size: 11px; }
${CHANGE_BANDS.map(({ band }) => `.graph-band-${band} { fill: ${BAND_COLORS[band]}; }`).join('\n')}
.graph-band-none { fill: #cbd5e1; }
`;
