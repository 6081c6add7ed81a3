import { groupByLayer } from '@/lib/view/histogram-slices';
import { useLiveHistograms } from '@/lib/view/use-live-histograms';
import { HistogramCard } from './histogram-card';

/** The run's histogram tags grouped by layer; absent for runs that logged none. */
export function HistogramSection({ runId }: { runId: string }) {
  const { slices, loadError } = useLiveHistograms(runId);
  const groups = groupByLayer(Object.keys(slices));
  if (groups.length === 0 && !loadError) return null;
  return (
    <section className="histograms" data-testid="histograms">
      <h2>Histograms</h2>
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
              <HistogramCard key={tag} tag={tag} slices={slices[tag]} />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
