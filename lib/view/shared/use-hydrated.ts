import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/** False in the server render and during hydration; true after. Locale and time zone are the browser's only then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
