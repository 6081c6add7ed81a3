import type { SeriesStats } from './chart-data';
import { formatValue } from '../shared/format';

/** A diverged series says so in words, next to the chart's title, not only as a marker. */
export function NonFiniteBadges({ stats }: { stats: readonly SeriesStats[] }) {
  const bad = stats.filter((s) => s.firstNonFinite !== null);
  if (bad.length === 0) return null;
  return (
    <div className="badges">
      {bad.map(({ tag, nonFiniteCount, firstNonFinite }) => {
        const [step, , value] = firstNonFinite!;
        return (
          <span key={tag} className="badge badge-bad" data-nonfinite-tag={tag} title={`${nonFiniteCount} non-finite value(s) in ${tag}`}>
            {formatValue(value)} at step {step}
            <span className="badge-detail">
              {tag}
              {nonFiniteCount > 1 ? ` · ${nonFiniteCount} in all` : ''}
            </span>
          </span>
        );
      })}
    </div>
  );
}
