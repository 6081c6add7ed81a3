import { useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { COMPARE_PARAM, type ComparedRuns, parseCompareParam, withCompareParam } from './compare-runs-param';

export interface ComparedRunsState extends ComparedRuns {
  setRunIds: (runIds: readonly string[]) => void;
}

/**
 * The runs the page's histograms are compared with, held in the address (`?compare=a,b`) so a
 * comparison can be bookmarked and shared. Next syncs its search params with history.replaceState,
 * but in a transition: until the address catches up, the choice just made is what the page shows,
 * or a ticked box would flick back for a moment.
 */
export function useComparedRuns(currentRunId: string): ComparedRunsState {
  const value = useSearchParams().get(COMPARE_PARAM);
  const parsed = useMemo(() => parseCompareParam(value, currentRunId), [value, currentRunId]);
  const [pending, setPending] = useState<{ from: string | null; runIds: string[] } | null>(null);
  const setRunIds = (runIds: readonly string[]) => {
    setPending({ from: value, runIds: [...runIds] });
    window.history.replaceState(null, '', withCompareParam(window.location.href, runIds));
  };
  if (pending && pending.from === value) return { runIds: pending.runIds, ignored: [], setRunIds };
  return { ...parsed, setRunIds };
}
