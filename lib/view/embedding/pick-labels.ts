/** The data range on screen. */
export interface ViewBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Past this many labels the words overlap into noise and redraws slow down. */
export const MAX_LABELS = 200;
/** Words within this many pixels of the cursor are named, nearest first. */
export const CURSOR_RADIUS_PX = 24;
export const CURSOR_LABELS = 6;

/** Rows by count, most frequent first: computed once per vocabulary, so each zoom only walks it. */
export function rowsByCount(counts: readonly number[]): Int32Array {
  return Int32Array.from(counts.keys()).sort((a, b) => counts[b] - counts[a] || a - b);
}

/** How much of the layout's area the view shows: 1 (or more, with the axes' margins) unzoomed. */
export function viewShare(view: ViewBox, full: ViewBox): number {
  const area = (b: ViewBox) => Math.abs((b.x1 - b.x0) * (b.y1 - b.y0));
  return area(view) / area(full);
}

/**
 * The words a zoomed-in view names: the most frequent points inside it, at most `limit`. A view
 * showing (nearly) the whole layout names none: 80,000 labels would be unreadable.
 */
export function zoomLabels(points: { x: readonly number[]; y: readonly number[] }, byCount: Int32Array, view: ViewBox, full: ViewBox, limit = MAX_LABELS): number[] {
  if (viewShare(view, full) >= 0.5) return [];
  const [xLow, xHigh] = [Math.min(view.x0, view.x1), Math.max(view.x0, view.x1)];
  const [yLow, yHigh] = [Math.min(view.y0, view.y1), Math.max(view.y0, view.y1)];
  const rows: number[] = [];
  for (let i = 0; i < byCount.length && rows.length < limit; i++) {
    const r = byCount[i];
    const x = points.x[r];
    const y = points.y[r];
    if (x >= xLow && x <= xHigh && y >= yLow && y <= yHigh) rows.push(r);
  }
  return rows;
}

/**
 * The words nearest the cursor, within `radiusPx` on screen, nearest first. `perPixel` is how many
 * data units one pixel spans on each axis, which differ once the view is zoomed unevenly.
 */
export function cursorLabels(
  points: { x: readonly number[]; y: readonly number[] },
  cursor: { x: number; y: number },
  perPixel: { x: number; y: number },
  limit = CURSOR_LABELS,
  radiusPx = CURSOR_RADIUS_PX,
): number[] {
  const near: { row: number; d: number }[] = [];
  for (let r = 0; r < points.x.length; r++) {
    const dx = (points.x[r] - cursor.x) / perPixel.x;
    const dy = (points.y[r] - cursor.y) / perPixel.y;
    const d = dx * dx + dy * dy;
    if (d <= radiusPx * radiusPx) near.push({ row: r, d });
  }
  return near
    .sort((a, b) => a.d - b.d || a.row - b.row)
    .slice(0, limit)
    .map((n) => n.row);
}

/** The layout's extent: the view when nothing is zoomed. */
export function extentOf(points: { x: readonly number[]; y: readonly number[] }): ViewBox {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let r = 0; r < points.x.length; r++) {
    [x0, x1] = [Math.min(x0, points.x[r]), Math.max(x1, points.x[r])];
    [y0, y1] = [Math.min(y0, points.y[r]), Math.max(y1, points.y[r])];
  }
  return { x0, x1, y0, y1 };
}
