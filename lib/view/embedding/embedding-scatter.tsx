import { useEffect, useEffectEvent, useRef } from 'react';
import type { ColorScale } from './color-scale';
import type { WordTable } from '../../kinds/embedding/reader';
import { useChart } from '../shared/use-chart';
import { scatterOption, SELECTION_SERIES, type WordDatum } from './scatter-option';

export interface EmbeddingScatterProps {
  points: { x: number[]; y: number[] };
  labels: WordTable;
  scale: ColorScale;
  selected: number | null;
  neighbors: readonly number[];
  onSelect: (row: number) => void;
}

/** The words' 2-D layout; clicking a point selects its word, and a selected word shows its tooltip. */
export function EmbeddingScatter({ points, labels, scale, selected, neighbors, onSelect }: EmbeddingScatterProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const { chart, theme } = useChart(canvasRef);
  const select = useEffectEvent((row: number) => onSelect(row));

  useEffect(() => {
    if (!chart) return;
    const onClick = (p: { data?: unknown }) => {
      const row = (p.data as WordDatum | undefined)?.[3];
      if (typeof row === 'number') select(row);
    };
    chart.on('click', onClick);
    return () => {
      chart.off('click', onClick);
    };
  }, [chart]);

  useEffect(() => {
    if (!chart || !theme) return;
    chart.setOption(scatterOption({ points, labels, scale, selected, neighbors, theme }));
    if (selected === null) {
      chart.dispatchAction({ type: 'hideTip' });
      return;
    }
    // After an update ECharts re-shows a tooltip at its last pixel position on a timer, which
    // would name whichever word moved there; showing the selected word's comes after that.
    const timer = setTimeout(() => chart.dispatchAction({ type: 'showTip', seriesIndex: SELECTION_SERIES, dataIndex: 0 }));
    return () => clearTimeout(timer);
  }, [chart, theme, points, labels, scale, selected, neighbors]);

  return <div className="projector-canvas" ref={canvasRef} data-testid="projector-canvas" />;
}
