import { groupByLayer } from './histogram-slices';
import { useComparedRuns } from './use-compared-runs';
import { useLiveHistograms } from './use-live-histograms';
import { HistogramCard } from './histogram-card';
import { HistogramCompare } from './histogram-compare';
import { HistogramCompareIgnored } from './histogram-compare-ignored';
import { HistogramComparePicker } from './histogram-compare-picker';
import '../shared/chart.css';
import './histogram.css';

/** The run's histogram tags grouped by layer; absent for runs that logged none. */
export function HistogramSection({ runId }: { runId: string }) {
  const { slices, loadError } = useLiveHistograms(runId);
  const compare = useComparedRuns(runId);
  const groups = groupByLayer(Object.keys(slices));
  if (groups.length === 0 && !loadError) return null;
  return (
    <section className="histograms" data-testid="histograms">
      <h2>Histograms</h2>
      <HistogramCompareIgnored ignored={compare.ignored} />
      {loadError && (
        <p className="alert" role="alert">
          Could not load the stored histograms: {loadError}. New steps still appear as they arrive.
        </p>
      )}
      {groups.map(({ layer, tags }) => (
        <div key={layer} className="histogram-layer" data-layer={layer}>
          <h3 className="histogram-layer-name">{layer}</h3>
          <div className="charts">
            {tags.map((tag) => (
              <HistogramCard
                key={tag}
                tag={tag}
                slices={slices[tag]}
                picker={<HistogramComparePicker tag={tag} runId={runId} chosen={compare.runIds} onChange={compare.setRunIds} />}
                comparison={compare.runIds.length > 0 && <HistogramCompare tag={tag} runId={runId} slices={slices[tag]} comparedIds={compare.runIds} />}
              />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
