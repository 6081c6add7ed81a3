/** A point of the layout, in data coordinates. */
export type XY = readonly [x: number, y: number];

/**
 * Even-odd ray casting: a horizontal ray from the point crosses the polygon's edges an odd number
 * of times when it lies inside. The polygon is closed implicitly (last vertex back to the first);
 * a lasso drawn by hand crosses itself, and even-odd reads a figure of eight as two loops.
 */
export function pointInPolygon(x: number, y: number, polygon: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The rows whose points lie inside the lasso; fewer than three vertices enclose nothing. */
export function rowsInPolygon(points: { x: readonly number[]; y: readonly number[] }, polygon: readonly XY[]): number[] {
  if (polygon.length < 3) return [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of polygon) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  const rows: number[] = [];
  for (let r = 0; r < points.x.length; r++) {
    const x = points.x[r];
    const y = points.y[r];
    // The bounding box turns away most of 80,000 points before the edge walk.
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    if (pointInPolygon(x, y, polygon)) rows.push(r);
  }
  return rows;
}

/** A box drag is the lasso of its four corners. */
export function boxPolygon([x0, y0]: XY, [x1, y1]: XY): XY[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}
