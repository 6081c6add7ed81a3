/** Chart colours come from the stylesheet, so light and dark schemes are defined in one place. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  bad: string;
  /** [training, validation, others…] */
  palette: string[];
}

export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--border'),
    surface: read('--surface'),
    bad: read('--bad'),
    palette: [1, 2, 3, 4, 5, 6].map((i) => read(`--series-${i}`)),
  };
}
