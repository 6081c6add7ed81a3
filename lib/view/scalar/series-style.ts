import type { ChartTheme } from '../shared/chart-theme';

export type SeriesLevel = 'batch' | 'epoch' | 'other';

export interface SeriesStyle {
  level: SeriesLevel;
  color: string;
}

/**
 * The same metric keeps its colour at both levels (batch/loss and epoch/loss), and validation
 * gets the second colour, so a chart reads as "train vs. val" before the legend is needed.
 */
export function seriesStyle(tag: string, family: string, familyTags: readonly string[], theme: ChartTheme): SeriesStyle {
  const level = levelOf(tag);
  const leaf = tag.slice(tag.lastIndexOf('/') + 1);
  if (level !== 'other' && leaf === family) return { level, color: theme.palette[0] };
  if (level !== 'other' && leaf === `val_${family}`) return { level, color: theme.palette[1] };
  // Anything else (test/loss, a script's own tags) gets a colour of its own, after the
  // two Keras colours when the chart also holds Keras series.
  const isOther = (t: string) => levelOf(t) === 'other' || !isKerasLeaf(t, family);
  const others = familyTags.filter(isOther);
  const first = others.length < familyTags.length ? 2 : 0;
  return { level, color: theme.palette[first + (others.indexOf(tag) % (theme.palette.length - first))] };
}

function levelOf(tag: string): SeriesLevel {
  return tag.startsWith('batch/') ? 'batch' : tag.startsWith('epoch/') ? 'epoch' : 'other';
}

function isKerasLeaf(tag: string, family: string): boolean {
  const leaf = tag.slice(tag.lastIndexOf('/') + 1);
  return leaf === family || leaf === `val_${family}`;
}
