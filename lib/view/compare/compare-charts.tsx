import { memo } from 'react';
import type { ChartZooms } from '../../compare/chart-zooms';
import { groupFamilies } from '../scalar/families';
import type { CompareData } from './compare-data';
import { CompareChart } from './compare-chart';
import type { ChartGroup, ChartLayout, ChartRun } from './chart-lines';
import type { SmoothingChannel } from './smoothing-channel';
import type { StepCursor } from './step-cursor';

export interface CompareChartsProps {
  tags: readonly string[];
  runs: readonly ChartRun[];
  groups: readonly ChartGroup[] | null;
  data: CompareData;
  view: ChartLayout;
  smoothing: SmoothingChannel;
  cursor: StepCursor;
  zooms: ChartZooms;
  onZoom: (tag: string, zoom: [number, number] | null) => void;
}

/**
 * One chart per tag, in the families the run page uses (loss, acc, lr, …), loss first. Families sit
 * side by side when they are narrow, so four one-chart families fill two rows, not four. Memoised:
 * a smoothing change reaches the charts through its channel, and the page's render after it
 * leaves them alone.
 */
export const CompareCharts = memo(function CompareCharts({ tags, runs, groups, data, view, smoothing, cursor, zooms, onZoom }: CompareChartsProps) {
  return (
    <div className="compare-families">
      {groupFamilies(tags).map(({ family, tags: familyTags }) => (
        <section key={family} className="compare-family" data-family={family} style={{ '--charts': familyTags.length } as React.CSSProperties}>
          <h2>{family}</h2>
          <div className="charts">
            {familyTags.map((tag) => (
              <CompareChart key={tag} tag={tag} runs={runs} groups={groups} data={data} view={view} smoothing={smoothing} cursor={cursor} zoom={zooms[tag] ?? null} onZoom={onZoom} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
});
