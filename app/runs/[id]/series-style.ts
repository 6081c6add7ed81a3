import type { ChartTheme } from './chart-theme';

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
  const cut = tag.lastIndexOf('/') + 1;
  const prefix = tag.slice(0, cut);
  const leaf = tag.slice(cut);
  const level: SeriesLevel = prefix === 'batch/' ? 'batch' : prefix === 'epoch/' ? 'epoch' : 'other';
  let slot: number;
  if (leaf === family) slot = 0;
  else if (leaf === `val_${family}`) slot = 1;
  else {
    const others = [...new Set(familyTags.map((t) => t.slice(t.lastIndexOf('/') + 1)).filter((l) => l !== family && l !== `val_${family}`))];
    slot = 2 + (others.indexOf(leaf) % (theme.palette.length - 2));
  }
  return { level, color: theme.palette[slot] };
}
