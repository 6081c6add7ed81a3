import { PrCurveCard } from './pr-curve-card';
import { useLivePrCurves } from './use-live-pr-curves';
import '../shared/chart.css';
import './pr-curve.css';

/** TensorBoard's PR curves: one card per tag; absent for runs that logged none. */
export function PrCurveSection({ runId }: { runId: string }) {
  const { byTag, loadError } = useLivePrCurves(runId);
  const tags = Object.keys(byTag).sort();
  if (tags.length === 0 && !loadError) return null;
  return (
    <section className="pr-curves" data-testid="pr-curves">
      <h2>PR curves</h2>
      {loadError && (
        <p className="alert" role="alert">
          Could not load the stored PR curves: {loadError}. New steps still appear as they arrive.
        </p>
      )}
      <div className="charts">
        {tags.map((tag) => (
          <PrCurveCard key={tag} tag={tag} curves={byTag[tag]} />
        ))}
      </div>
    </section>
  );
}
