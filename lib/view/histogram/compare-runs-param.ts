import { RUN_ID_PATTERN } from '../../protocol/run-id-pattern';

/** The run page's query parameter: `?compare=idA,idB` makes a comparison bookmarkable. */
export const COMPARE_PARAM = 'compare';

/** The current run plus five others use the six series colours; more would repeat colours. */
export const MAX_COMPARED_RUNS = 5;

export interface ComparedRuns {
  runIds: string[];
  /** Entries of the address that were dropped: not run ids, or past the limit. */
  ignored: string[];
}

/**
 * Reads the parameter as typed or bookmarked: each id is checked on its own so that one bad
 * entry costs only itself. Duplicates and the page's own run are dropped silently.
 */
export function parseCompareParam(value: string | null, currentRunId: string): ComparedRuns {
  const runIds: string[] = [];
  const ignored: string[] = [];
  for (const entry of (value ?? '').split(',')) {
    const id = entry.trim();
    if (id === '' || id === currentRunId || runIds.includes(id)) continue;
    if (!RUN_ID_PATTERN.test(id) || runIds.length === MAX_COMPARED_RUNS) ignored.push(id);
    else runIds.push(id);
  }
  return { runIds, ignored };
}

/** The page's address with the comparison set (or removed when empty), other parameters kept. */
export function withCompareParam(href: string, runIds: readonly string[]): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  params.delete(COMPARE_PARAM);
  // Run ids need no escaping, so the list stays readable as `a,b` rather than `a%2Cb`.
  const query = [params.toString(), runIds.length > 0 ? `${COMPARE_PARAM}=${runIds.join(',')}` : ''].filter(Boolean).join('&');
  return `${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
}
