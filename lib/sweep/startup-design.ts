import type { Axis, Point } from './joint-parzen';

/**
 * Mitchell's best-candidate sampling ("Spectrally optimal sampling for distribution ray tracing",
 * SIGGRAPH 1991) for TPE's startup trials: of several draws from the prior, the one farthest from
 * every trial so far. Independent draws clump and leave holes, and with a startup of only a few
 * trials a hole can hide the basin the model should then refine; spreading the startup over the box
 * makes a poor start rarer. It needs no state beyond the trials themselves, so a resumed sweep
 * proposes what the uninterrupted one would have.
 *
 * Distances are Euclidean in the internal space with every numeric axis scaled to [0, 1] (log axes
 * in log space, as the prior is uniform there), and a differing choice counts as 1, a whole axis.
 */
export function farthestCandidate(candidates: readonly Point[], seen: readonly Point[], axes: readonly Axis[]): number {
  const gap = (a: Point, b: Point) =>
    axes.reduce((sum, axis, d) => sum + ('choices' in axis ? Number(a[d] !== b[d]) : ((a[d] - b[d]) / (axis.dim.high - axis.dim.low)) ** 2), 0);
  let best = 0;
  let top = -Infinity;
  candidates.forEach((candidate, i) => {
    const nearest = Math.min(...seen.map((point) => gap(candidate, point)));
    if (nearest > top) [best, top] = [i, nearest];
  });
  return best;
}
