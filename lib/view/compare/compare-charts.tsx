import type { ChartZooms } from '../../compare/chart-zooms';
import { groupFamilies } from '../scalar/families';
import type { CompareData } from './compare-data';
import { CompareChart } from './compare-chart';
import type { ChartGroup, ChartRun, ChartView } from './chart-lines';
import type { StepCursor } from './step-cursor';

export interface CompareChartsProps {
  tags: readonly string[];
  runs: readonly ChartRun[];
  groups: readonly ChartGroup[] | null;
  data: CompareData;
  view: ChartView;
  cursor: StepCursor;
  zooms: ChartZooms;
  onZoom: (tag: string, zoom: [number, number] | null) => void;
}

/**
 * One chart per tag, in the families the run page uses (loss, acc, lr, …), loss first. Families sit
 * side by side when they are narrow, so four one-chart families fill two rows, not four.
 */
export function CompareCharts({ tags, runs, groups, data, view, cursor, zooms, onZoom }: CompareChartsProps) {
  return (
    <div className="compare-families">
      {groupFamilies(tags).map(({ family, tags: familyTags }) => (
        <section key={family} className="compare-family" data-family={family} style={{ '--charts': familyTags.length } as React.CSSProperties}>
          <h2>{family}</h2>
          <div className="charts">
            {familyTags.map((tag) => (
              <CompareChart key={tag} tag={tag} runs={runs} groups={groups} data={data} view={view} cursor={cursor} zoom={zooms[tag] ?? null} onZoom={onZoom} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
