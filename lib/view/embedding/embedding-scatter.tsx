import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ColorScale } from './color-scale';
import type { WordTable } from '../../kinds/embedding/reader';
import { useChart } from '../shared/use-chart';
import { LassoOverlay, type ScatterTool } from './lasso-overlay';
import { rowsInPolygon, type XY } from './lasso';
import { overlayData, rowOf, type RowsBySeries, scatterOption, SELECTION_SERIES, trailsData } from './scatter-option';
import { useScatterLabels } from './use-scatter-labels';

type Points = { x: number[]; y: number[] };

export interface EmbeddingScatterProps {
  points: Points;
  labels: WordTable;
  scale: ColorScale;
  selected: number | null;
  neighbors: readonly number[];
  onSelect: (row: number) => void;
  tool: ScatterTool;
  /** The rows a lasso or box caught, drawn outlined; empty when none. */
  lassoRows: readonly number[];
  onLasso: (rows: number[]) => void;
  /** Earlier layouts, oldest first, that the highlighted words' trails run through to this one; empty for none. */
  trailLayouts: readonly Points[];
  trailRows: readonly number[];
}

/**
 * The words' 2-D layout: pan and zoom with the wheel and drag, or draw a lasso or a box; clicking a
 * point selects its word, and a selected word shows its tooltip.
 */
export function EmbeddingScatter(props: EmbeddingScatterProps) {
  const { points, labels, scale, selected, neighbors, tool, lassoRows, onLasso, trailLayouts, trailRows } = props;
  const canvasRef = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvasRef);
  const rowsRef = useRef<RowsBySeries>({});
  // Whether the lasso or trails overlay holds points; the main option sets both empty.
  const overlayShownRef = useRef(false);
  const [drawn, setDrawn] = useState(0);
  const select = useEffectEvent((row: number) => props.onSelect(row));

  useEffect(() => {
    if (!chart) return;
    const onClick = (p: { seriesId?: string; dataIndex: number }) => {
      const row = p.seriesId === undefined ? undefined : rowOf(rowsRef.current, p.seriesId, p.dataIndex);
      if (row !== undefined) select(row);
    };
    chart.on('click', onClick);
    return () => {
      chart.off('click', onClick);
    };
  }, [chart]);

  useEffect(() => {
    if (!chart || !theme) return;
    const { option, rows } = scatterOption({ points, labels, scale, selected, neighbors, theme });
    rowsRef.current = rows;
    chart.setOption(option, { replaceMerge: ['series'] });
    overlayShownRef.current = false;
    // What the plot holds, read back from ECharts: the count a test or a user can trust.
    const series = (chart.getOption().series ?? []) as { id?: string; data?: ArrayLike<unknown> }[];
    const words = series.filter((s) => String(s.id).startsWith('words')).reduce((n, s) => n + (s.data?.length ?? 0) / (ArrayBuffer.isView(s.data) ? 2 : 1), 0);
    chart.getDom().dataset.drawn = String(words);
    setDrawn((d) => d + 1);
    if (selected === null) {
      chart.dispatchAction({ type: 'hideTip' });
      return;
    }
    // After an update ECharts re-shows a tooltip at its last pixel position on a timer, which
    // would name whichever word moved there; showing the selected word's comes after that.
    const timer = setTimeout(() => chart.dispatchAction({ type: 'showTip', seriesIndex: SELECTION_SERIES, dataIndex: rows.selection.length - 1 }));
    return () => clearTimeout(timer);
  }, [chart, theme, points, labels, scale, selected, neighbors]);

  useEffect(() => {
    if (!chart || !theme) return;
    const trails = trailsData([...trailLayouts, points], trailRows);
    chart.getDom().dataset.trailPoints = String(trails.filter(([x]) => !Number.isNaN(x)).length);
    const shown = lassoRows.length > 0 || trails.length > 0;
    // Each setOption makes ECharts re-show its tooltip at the last pixel, naming whichever word lies
    // there instead of the selected one, so overlays that stay empty are not set again.
    if (!shown && !overlayShownRef.current) return;
    overlayShownRef.current = shown;
    chart.setOption({
      series: [
        { id: 'lasso', data: overlayData(points, scale, lassoRows) },
        { id: 'trails', data: trails },
      ],
    });
  }, [chart, theme, points, scale, lassoRows, trailLayouts, trailRows, drawn]);

  useScatterLabels(chart, theme, points, labels, scale, drawn);

  const lasso = (pixels: XY[]) => {
    if (!chart) return;
    const polygon = pixels.map(([px, py]) => chart.convertFromPixel({ gridIndex: 0 }, [px, py]) as unknown as XY);
    onLasso(rowsInPolygon(points, polygon));
  };

  return (
    <div className="projector-plot">
      <div className="projector-canvas" ref={canvasRef} data-testid="projector-canvas" />
      <LassoOverlay tool={tool} onDrawn={lasso} />
    </div>
  );
}
