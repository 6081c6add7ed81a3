import { isoTime } from '../../protocol/timestamp';
import { formatDateTime } from './format';
import { useHydrated } from './use-hydrated';

/** The server does not know the reader's time zone, so the text appears only in the browser. */
export function LocalTime({ ms }: { ms: number }) {
  const hydrated = useHydrated();
  const iso = isoTime(ms) ?? undefined;
  return (
    <time dateTime={iso} title={iso ?? `${ms} is not a time in ms since the epoch`}>
      {hydrated ? formatDateTime(ms) : '\u00a0'}
    </time>
  );
}
