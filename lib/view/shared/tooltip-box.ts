import type { ChartTheme } from './chart-theme';

/** The tooltip box in the chart theme's colours, kept inside the chart so it never spills off a card. */
export function tooltipBox(theme: ChartTheme) {
  return { confine: true, backgroundColor: theme.surface, borderColor: theme.grid, textStyle: { color: theme.text, fontSize: 12 } };
}
