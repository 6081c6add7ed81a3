/** What the projector colours each word by. */
export type ColorMode = 'sentiment' | 'frequency';

export interface ColorScale {
  mode: ColorMode;
  /** One value per word, in row order: what the colour maps. */
  values: number[];
  min: number;
  max: number;
  /** Low to high. */
  colors: string[];
  /** The legend's ends, high first as ECharts' visualMap wants them. */
  text: [high: string, low: string];
}

/** Red for negative, blue for positive; the neutral middle is grey so it reads on light and dark. */
const DIVERGING = ['#c62828', '#e57373', '#a3a9b4', '#6f9ae6', '#1f5fbf'];
/** Viridis stops: rare words dark, frequent ones bright, ordered in lightness either way. */
const SEQUENTIAL = ['#440154', '#31688e', '#35b779', '#fde725'];

/** A few rare words reach extreme log-odds; clipping the scale there keeps the rest from washing out grey. */
const CLIP_QUANTILE = 0.98;
const MIN_LOG_ODDS_RANGE = 0.5;

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Sentiment is the word's log-odds of a positive review on a scale symmetric around 0, so the
 * neutral colour means neutral; frequency is log10(1 + count), since counts span orders of magnitude.
 */
export function colorScale(mode: ColorMode, counts: readonly number[], logOdds: readonly number[] | null): ColorScale {
  if (mode === 'sentiment' && logOdds) {
    const limit = Math.max(MIN_LOG_ODDS_RANGE, quantile(logOdds.map(Math.abs), CLIP_QUANTILE));
    const bound = Number(limit.toPrecision(2));
    return { mode, values: [...logOdds], min: -bound, max: bound, colors: DIVERGING, text: ['positive', 'negative'] };
  }
  const values = counts.map((c) => Math.log10(1 + c));
  const max = values.reduce((m, v) => Math.max(m, v), 1);
  return { mode: 'frequency', values, min: 0, max, colors: SEQUENTIAL, text: ['frequent', 'rare'] };
}
