import { type RefObject, useEffect, useState } from 'react';

/**
 * Lists up to this long are in the page whole: cheap to draw, and the browser's find and a test's
 * locator reach every row without a scroll.
 */
export const WINDOW_FROM = 200;
/** Rows the server renders and hydration keeps: more than a tall screen holds, so the first paint is full. */
export const FIRST_ROWS = 30;
/** Rows kept beyond each edge of the screen, so a scroll shows rows already there. */
const OVERSCAN = 15;
/** A row with its id line, before any is measured. */
const ROW_ESTIMATE_PX = 58;

export interface RowWindow {
  /** Index of the first row in the page, and one past the last. */
  from: number;
  to: number;
  /** Heights standing in for the rows above and below, so the page scrolls as if all were there. */
  padTop: number;
  padBottom: number;
  /** True once the browser has placed the window on the screen (after hydration). */
  measured: boolean;
}

/** The rows of a block whose top is `top` px below the screen's (negative once scrolled past) that a screen of `screenPx` shows, with the overscan. */
export function rowsOnScreen(count: number, top: number, screenPx: number, rowPx: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(count, Math.floor(-top / rowPx)) - OVERSCAN);
  const to = Math.min(count, Math.max(0, Math.ceil((screenPx - top) / rowPx)) + OVERSCAN);
  return { from: Math.min(from, to), to };
}

/**
 * Which of `count` rows, in a block that scrolls with the window, are on screen. Only those (and
 * an overscan) are in the page: with 1,000 runs, rendering, sending and hydrating every row cost
 * most of the list's first second. Rows differ in height (notes, errors), so the height of an
 * absent row is the mean of those drawn.
 */
export function useRowWindow(count: number, body: RefObject<HTMLElement | null>): RowWindow {
  const whole = count <= WINDOW_FROM;
  const [range, setRange] = useState({ from: 0, to: Math.min(count, FIRST_ROWS), rowPx: ROW_ESTIMATE_PX, measured: false });

  useEffect(() => {
    if (whole) {
      // The range held is what the page draws, so the next measure of a window divides the right rows.
      setRange((held) => (held.measured && held.from === 0 && held.to === count ? held : { ...held, from: 0, to: count, measured: true }));
      return;
    }
    let frame = 0;
    const place = () => {
      frame = 0;
      const el = body.current;
      if (!el) return;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const drawnPx = box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      setRange((held) => {
        const drawn = Math.min(held.to, count) - Math.min(held.from, count);
        const rowPx = drawn > 0 && drawnPx > 0 ? drawnPx / drawn : held.rowPx;
        const { from, to } = rowsOnScreen(count, box.top, window.innerHeight, rowPx);
        return from === held.from && to === held.to && held.measured ? held : { from, to, rowPx, measured: true };
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    place();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [count, body, whole]);

  if (whole) return { from: 0, to: count, padTop: 0, padBottom: 0, measured: range.measured };
  const from = Math.min(range.from, count);
  const to = Math.min(Math.max(range.to, from), count);
  return { from, to, padTop: from * range.rowPx, padBottom: (count - to) * range.rowPx, measured: range.measured };
}
