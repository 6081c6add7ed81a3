import type { HistogramSlice } from './histogram-slices';

/** Non-finite elements are outside every bucket, so without this badge a diverging tensor looks healthy. */
export function HistogramNonFinite({ slices }: { slices: readonly HistogramSlice[] }) {
  const last = [...slices].reverse().find((h) => h.nanCount + h.posInfCount + h.negInfCount > 0);
  if (!last) return null;
  const parts = [
    last.nanCount && `NaN ×${last.nanCount}`,
    last.posInfCount && `+Inf ×${last.posInfCount}`,
    last.negInfCount && `-Inf ×${last.negInfCount}`,
  ].filter(Boolean);
  return (
    <span className="badge badge-bad" data-nonfinite-histogram title={`non-finite elements, latest at step ${last.step}`}>
      {parts.join(' · ')} at step {last.step}
    </span>
  );
}
