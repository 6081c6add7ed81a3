import { formatValue } from './format';

/** A non-finite value is a training event, so it is flagged, not blanked. */
export function MetricValue({ value, title }: { value: number; title?: string }) {
  const bad = !Number.isFinite(value);
  return (
    <span className={bad ? 'value value-bad' : 'value'} title={title} data-nonfinite={bad || undefined}>
      {formatValue(value)}
    </span>
  );
}
