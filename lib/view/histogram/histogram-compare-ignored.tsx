import { COMPARE_PARAM, MAX_COMPARED_RUNS } from './compare-runs-param';

/** A bookmarked or typed `?compare=` may hold entries that cannot be used; say which, rather than drop them unseen. */
export function HistogramCompareIgnored({ ignored }: { ignored: readonly string[] }) {
  if (ignored.length === 0) return null;
  return (
    <p className="alert" role="alert" data-compare-ignored>
      Not compared (from <code>?{COMPARE_PARAM}=</code>): {ignored.join(', ')}. Entries must be run ids, at most {MAX_COMPARED_RUNS} runs.
    </p>
  );
}
