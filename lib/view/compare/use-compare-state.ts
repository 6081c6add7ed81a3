import { useCallback, useEffect, useRef, useState } from 'react';
import { type CompareState, readCompareState, writeCompareState } from '../../compare/url-state';

/** A slider being dragged rewrites the address at most this often (browsers throttle history calls). */
const REPLACE_DELAY_MS = 300;

/**
 * How the address records a change: `push` makes a history entry that back steps over (a run
 * toggled, an axis changed); `replace` rewrites the current one (a slider being dragged).
 */
export type HistoryMode = 'push' | 'replace';

export type UpdateCompareState = (change: Partial<CompareState>, mode?: HistoryMode) => void;

function addressOf(state: CompareState): string {
  const search = writeCompareState(state).toString();
  return `${window.location.pathname}${search ? `?${search}` : ''}`;
}

/**
 * The compare view's state, read from the address and written back to it, so that a copied link
 * opens the same view and back/forward step through it. React state leads and the address follows,
 * so a change redraws at once whatever the history API costs. History entries are written with a
 * null state: Next's router then takes the new address as its own (a state carrying its `__NA` mark
 * bypasses that, and a later router update put its stale address back, dropping a sort).
 */
export function useCompareState(initialSearch: string): [CompareState, UpdateCompareState] {
  const [state, setState] = useState(() => readCompareState(initialSearch));
  const current = useRef(state);
  const pendingReplace = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const onPop = () => {
      clearTimeout(pendingReplace.current);
      current.current = readCompareState(window.location.search);
      setState(current.current);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      clearTimeout(pendingReplace.current);
    };
  }, []);

  const update = useCallback<UpdateCompareState>((change, mode = 'push') => {
    const next = { ...current.current, ...change };
    current.current = next;
    setState(next);
    clearTimeout(pendingReplace.current);
    if (mode === 'push') {
      window.history.pushState(null, '', addressOf(next));
      return;
    }
    pendingReplace.current = setTimeout(() => window.history.replaceState(null, '', addressOf(current.current)), REPLACE_DELAY_MS);
  }, []);

  return [state, update];
}
