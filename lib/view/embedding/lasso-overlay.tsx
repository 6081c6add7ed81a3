import { useState, type PointerEvent } from 'react';
import { boxPolygon, type XY } from './lasso';

/** How the pointer acts on the plot: pan and zoom (ECharts'), or draw a selection. */
export type ScatterTool = 'pan' | 'lasso' | 'box';

export interface LassoOverlayProps {
  tool: ScatterTool;
  /** The drawn shape's vertices in pixels of the plot, once the pointer is released. */
  onDrawn: (pixels: XY[]) => void;
}

/** Fewer pixels between recorded vertices than this only slow the point-in-polygon walk down. */
const MIN_STEP_PX = 3;

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
  const shape = path && (tool === 'box' && path.length > 1 ? boxPolygon(path[0], path[path.length - 1]) : path);
  return (
    <svg
      className="projector-lasso"
      data-testid="projector-lasso"
      onPointerDown={(e) => {
        // Not a text selection: the drag is the lasso's.
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        setPath([at(e)]);
      }}
      onPointerMove={(e) => {
        const next = at(e);
        // Several moves may come between renders: each extends the latest path, not the rendered one.
        setPath((drawn) => {
          if (!drawn) return drawn;
          const last = drawn[drawn.length - 1];
          return Math.hypot(next[0] - last[0], next[1] - last[1]) >= MIN_STEP_PX ? [...drawn, next] : drawn;
        });
      }}
      onPointerUp={(e) => {
        if (path) {
          const end = at(e);
          const final = tool === 'box' ? boxPolygon(path[0], end) : [...path, end];
          if (final.length > 2) onDrawn(final);
        }
        setPath(null);
      }}
    >
      {shape && <polygon points={shape.map((p) => p.join(',')).join(' ')} />}
    </svg>
  );
}
