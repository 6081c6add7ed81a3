import { useEffect, useMemo } from 'react';
import type { WordTable } from '../../kinds/embedding/reader';
import type { ChartTheme } from '../shared/chart-theme';
import type { EChartsType } from '../shared/echarts-setup';
import type { ColorScale } from './color-scale';
import { cursorLabels, extentOf, rowsByCount, type ViewBox, viewShare, zoomLabels } from './pick-labels';
import { labelsSeries } from './scatter-option';

type Points = { x: number[]; y: number[] };

/** Must match the grid's margins in scatter-option.ts: the data range on screen is the grid's. */
const GRID = { left: 8, right: 90, top: 12, bottom: 12 };
/** Labels follow a zoom or pan once it pauses: picking them at every frame would cost the frame. */
const SETTLE_MS = 120;

/**
 * Names the words in a zoomed-in view (the most frequent, a bounded number) and the words under
 * the cursor, as the labels overlay. `ready` changes whenever the plot's main option is set anew.
 */
export function useScatterLabels(chart: EChartsType | null, theme: ChartTheme | null, points: Points | null, labels: WordTable, scale: ColorScale, ready: unknown): void {
  const byCount = useMemo(() => rowsByCount(labels.counts), [labels.counts]);
  const full = useMemo(() => points && extentOf(points), [points]);

  useEffect(() => {
    if (!chart || !theme || !points || !full) return;
    let zoomed: number[] = [];
    let near: number[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    const toData = (px: number, py: number) => chart.convertFromPixel({ gridIndex: 0 }, [px, py]) as number[];
    // The main option has just set the labels overlay empty. Each setOption makes ECharts re-show its
    // tooltip at the last pixel, which would replace the selected word's with whatever lies there, so
    // an unchanged overlay is not set again.
    let shown = '';
    const draw = () => {
      const rows = [...new Set([...near, ...zoomed])];
      const key = rows.join(',');
      if (key === shown) return;
      shown = key;
      chart.setOption({ series: [labelsSeries(points, labels, scale, rows, theme)] }, { lazyUpdate: true, silent: true });
      chart.getDom().dataset.labels = String(rows.length);
    };
    const onZoom = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const [x0, y1] = toData(GRID.left, GRID.top);
        const [x1, y0] = toData(chart.getWidth() - GRID.right, chart.getHeight() - GRID.bottom);
        const view: ViewBox = { x0, x1, y0, y1 };
        zoomed = zoomLabels(points, byCount, view, full);
        // Wheel events coalesce on a busy page, so a zoom has no fixed step count: this says where it landed.
        chart.getDom().dataset.viewShare = viewShare(view, full).toPrecision(3);
        draw();
      }, SETTLE_MS);
    };
    const onMove = (e: { offsetX: number; offsetY: number }) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const [x, y] = toData(e.offsetX, e.offsetY);
        const [x2, y2] = toData(e.offsetX + 1, e.offsetY + 1);
        near = cursorLabels(points, { x, y }, { x: Math.abs(x2 - x) || 1e-9, y: Math.abs(y2 - y) || 1e-9 });
        draw();
      });
    };
    const onLeave = () => {
      near = [];
      draw();
    };
    chart.on('datazoom', onZoom);
    chart.getZr().on('mousemove', onMove);
    chart.getZr().on('globalout', onLeave);
    onZoom();
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      chart.off('datazoom', onZoom);
      chart.getZr().off('mousemove', onMove);
      chart.getZr().off('globalout', onLeave);
    };
  }, [chart, theme, points, labels, scale, byCount, full, ready]);
}
