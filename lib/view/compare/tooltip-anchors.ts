import type { CustomSeriesOption } from '../shared/echarts-setup';

/** Items over the x range: ECharts' axis tooltip fires only where some series has a datum nearby. */
const ANCHORS = 256;

export const TOOLTIP_ANCHORS_ID = 'tooltip-anchors';

/**
 * An invisible series that spans the chart's x range, for ECharts' axis tooltip and pointer: the
 * run lines are painted on a canvas of their own (line-layer.ts), and the tooltip looks every run
 * up at the hovered x itself (compare-tooltip.ts).
 */
export function tooltipAnchors([lo, hi]: readonly [number, number]): CustomSeriesOption {
  const data = Number.isFinite(lo) && Number.isFinite(hi) ? Array.from({ length: ANCHORS }, (_, i) => [lo + ((hi - lo) * i) / (ANCHORS - 1)]) : [];
  return { id: TOOLTIP_ANCHORS_ID, type: 'custom', data, encode: { x: 0 }, silent: true, renderItem: () => null };
}
