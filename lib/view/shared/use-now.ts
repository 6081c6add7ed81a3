import { useEffect, useState } from 'react';

/**
 * Wall-clock time that ticks while `active`. It is null during the server render and
 * hydration, whose clocks differ from the browser's, so callers render a placeholder then.
 */
export function useNow(active: boolean, intervalMs = 1_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
