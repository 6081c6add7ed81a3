/** Never closer than a frame, even when drawing is cheap. */
const MIN_GAP_MS = 16;

export interface DrawThrottle {
  /** Draws now if the last draw is far enough behind, else once, as soon as it is. */
  request(): void;
  cancel(): void;
}

/**
 * Lets drawing take at most half of the main thread: a draw that took D ms is followed by at least
 * D ms without one. A lone point is drawn at once, but when points come faster than a slow machine
 * can draw them, they are drawn together instead of one draw each, which would leave the chart
 * further behind with every point. A draw that returns false had nothing to draw (its points are
 * still on their way) and is followed by no wait: the points' arrival must draw at once.
 */
export function throttleDraws(draw: () => boolean | void, now: () => number = () => performance.now()): DrawThrottle {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let readyAt = -Infinity;
  const run = () => {
    timer = undefined;
    const start = now();
    if (draw() === false) return;
    const end = now();
    readyAt = start + Math.max(MIN_GAP_MS, 2 * (end - start));
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = readyAt - now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
