import { formatTick } from './format';
import type { ChartTheme } from './chart-theme';

/** Value-axis labels shared by every chart: muted, shortened by formatTick, overlapping ones dropped. */
export function valueAxisLabel(theme: ChartTheme) {
  return { color: theme.muted, formatter: (v: number) => formatTick(v), hideOverlap: true };
}
