import type { EChartsType } from '../shared/echarts-setup';
import { hasOption } from './line-layer';

type Listener = (x: number | null, source: EChartsType) => void;

/**
 * The x under the pointer on any chart of the page, for every other chart to mark: a step cursor
 * shared by all charts. The hovered chart shows its own axis pointer and tooltip; the others draw
 * a thin line at the same x (an element over the canvas, so following the mouse repaints nothing).
 */
export class StepCursor {
  private readonly listeners = new Set<Listener>();

  set(x: number | null, source: EChartsType): void {
    for (const listener of this.listeners) listener(x, source);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Feeds the cursor from a chart's pointer, and moves `line` to wherever another chart's pointer is. */
export function linkCursor(cursor: StepCursor, chart: EChartsType, line: HTMLElement): () => void {
  const zr = chart.getZr();
  const onMove = (event: { offsetX: number; offsetY: number }) => {
    if (!hasOption(chart)) return;
    const at = [event.offsetX, event.offsetY];
    cursor.set(chart.containPixel('grid', at) ? (chart.convertFromPixel({ xAxisIndex: 0 }, event.offsetX) as number) : null, chart);
  };
  const onOut = () => cursor.set(null, chart);
  zr.on('mousemove', onMove);
  zr.on('globalout', onOut);
  const unsubscribe = cursor.subscribe((x, source) => {
    if (source === chart || !hasOption(chart)) return;
    const px = x === null ? NaN : (chart.convertToPixel({ xAxisIndex: 0 }, x) as number);
    const inside = Number.isFinite(px) && chart.containPixel('grid', [px, chart.getHeight() / 2]);
    line.style.transform = inside ? `translateX(${px}px)` : '';
    line.hidden = !inside;
  });
  return () => {
    zr.off('mousemove', onMove);
    zr.off('globalout', onOut);
    unsubscribe();
  };
}
