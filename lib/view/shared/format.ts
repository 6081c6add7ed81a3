import { isTimestampMs } from '../../protocol/timestamp';

/** Non-finite values read the same everywhere in the dashboard, so a diverging run is easy to spot. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** Axis ticks have less room than tooltips. */
export function formatTick(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6 || (abs > 0 && abs < 1e-3)) return value.toExponential(1).replace('.0e', 'e');
  if (abs >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(4)));
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${String(h % 24).padStart(2, '0')}h`;
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Shown for a stored time no Date can hold, rather than failing the whole page. */
const INVALID_TIME = 'invalid time';

export function formatDateTime(ms: number): string {
  return isTimestampMs(ms) ? dateTime.format(ms) : INVALID_TIME;
}

export function formatClock(ms: number): string {
  return isTimestampMs(ms) ? `${clock.format(ms)}.${String(Math.floor(ms % 1000)).padStart(3, '0')}` : INVALID_TIME;
}
