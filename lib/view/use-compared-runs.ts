import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { COMPARE_PARAM, type ComparedRuns, parseCompareParam, withCompareParam } from './compare-runs-param';

export interface ComparedRunsState extends ComparedRuns {
  setRunIds: (runIds: readonly string[]) => void;
}

/**
 * The runs the page's histograms are compared with, held in the address (`?compare=a,b`) so a
 * comparison can be bookmarked and shared. Next syncs its search params with history.replaceState.
 */
export function useComparedRuns(currentRunId: string): ComparedRunsState {
  const search = useSearchParams();
  const value = search.get(COMPARE_PARAM);
  const parsed = useMemo(() => parseCompareParam(value, currentRunId), [value, currentRunId]);
  const setRunIds = (runIds: readonly string[]) => window.history.replaceState(null, '', withCompareParam(window.location.href, runIds));
  return { ...parsed, setRunIds };
}
