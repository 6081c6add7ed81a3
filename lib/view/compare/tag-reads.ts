import { MAX_TAG_RUNS } from '../../kinds/scalar/meta';
import { tagRunsApiUrl } from '../scalar/api-paths';
import { FIRST_READ_POINTS } from './resolution';

/** The runs of each tag, tags in the order they first appear and runs in the order given. */
export function byTag<T>(runs: readonly T[], tagsOf: (run: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const run of runs) {
    for (const tag of tagsOf(run)) {
      let list = out.get(tag);
      if (!list) out.set(tag, (list = []));
      list.push(run);
    }
  }
  return out;
}

/** One request's runs: a read of one tag names at most MAX_TAG_RUNS. */
export function requestChunks<T>(runs: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < runs.length; i += MAX_TAG_RUNS) chunks.push(runs.slice(i, i + MAX_TAG_RUNS));
  return chunks;
}

/**
 * The requests of the compare page's first, coarse read of these runs: what the page fetches once
 * it runs, and what its server render tells the browser to fetch meanwhile (the same addresses,
 * so the page's fetches take those answers).
 */
export function firstReadUrls(runIds: readonly string[], tagsOf: (runId: string) => readonly string[]): string[] {
  return [...byTag(runIds, tagsOf)].flatMap(([tag, ids]) => requestChunks(ids).map((chunk) => tagRunsApiUrl(tag, chunk, FIRST_READ_POINTS)));
}
