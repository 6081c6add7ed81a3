/**
 * How many points the compare view asks for, per run and tag.
 *
 * The first read is coarse (what one chart draws: about one min/max pair per pixel pair of a card), so
 * that fifty runs draw at once. Then each series is read again at
 * SMOOTHING_POINTS, and smoothing works on that: for a series of up to that many points it is the
 * whole stored series, point for point; past it, the server's min/max thinning at that size, ten
 * times finer than what a chart draws. The smoothed result is then thinned to DRAW_POINTS for the
 * canvas with the same min/max bucketing, so spikes in both lines survive the drawing.
 */
export const FIRST_READ_POINTS = 400;
export const SMOOTHING_POINTS = 10_000;
export const DRAW_POINTS = 400;

/**
 * Points one chart draws in all. Fifty runs, each with a raw line behind its smoothed one, overlap
 * so much that 400 points a line shows nothing 150 would not, and costs the canvas (and every
 * smoothing-slider change) a hundred lines of them; lines get an equal share, DRAW_POINTS at most
 * and MIN_LINE_POINTS at least. A zoom gives each line its share over the zoomed range.
 */
export const CHART_POINT_BUDGET = 20_000;
export const MIN_LINE_POINTS = 150;

export function linePoints(lines: number): number {
  return Math.max(MIN_LINE_POINTS, Math.min(DRAW_POINTS, Math.floor(CHART_POINT_BUDGET / Math.max(1, lines))));
}

/** A zoomed chart reads its range again at this size, and refines the held series there. */
export const ZOOM_READ_POINTS = SMOOTHING_POINTS;

/** Held per series before thinning: a full read plus a few zoomed ranges. */
export const MAX_HELD_POINTS = 4 * SMOOTHING_POINTS;

/** Requests in flight at once: the browser's per-host connection limit. */
export const MAX_REQUESTS = 6;
