import { useState, type PointerEvent } from 'react';
import type { XY } from './lasso';

/** How the pointer acts on the plot: pan and zoom (ECharts'), or draw a selection. */
export type ScatterTool = 'pan' | 'lasso' | 'box';

export interface LassoOverlayProps {
  tool: ScatterTool;
  /** The drawn shape's vertices in pixels of the plot, once the pointer is released. */
  onDrawn: (pixels: XY[]) => void;
}

/** Fewer pixels between recorded vertices than this only slow the point-in-polygon walk down. */
const MIN_STEP_PX = 3;

function boxCorners([x0, y0]: XY, [x1, y1]: XY): XY[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/**
 * A layer over the plot that takes the pointer while a selection tool is chosen, so dragging draws
 * a lasso (freehand) or a box instead of panning.
 */
export function LassoOverlay({ tool, onDrawn }: LassoOverlayProps) {
  const [path, setPath] = useState<XY[] | null>(null);
  if (tool === 'pan') return null;
  const at = (e: PointerEvent<SVGSVGElement>): XY => {
    const box = e.currentTarget.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };
  const shape = path && (tool === 'box' && path.length > 1 ? boxCorners(path[0], path[path.length - 1]) : path);
  return (
    <svg
      className="projector-lasso"
      data-testid="projector-lasso"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        setPath([at(e)]);
      }}
      onPointerMove={(e) => {
        if (!path) return;
        const next = at(e);
        const last = path[path.length - 1];
        if (Math.hypot(next[0] - last[0], next[1] - last[1]) >= MIN_STEP_PX) setPath([...path, next]);
      }}
      onPointerUp={() => {
        if (shape && shape.length > 2) onDrawn(shape);
        setPath(null);
      }}
    >
      {shape && <polygon points={shape.map((p) => p.join(',')).join(' ')} />}
    </svg>
  );
}
