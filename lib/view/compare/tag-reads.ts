import { MAX_TAG_RUNS } from '../../kinds/scalar/tag-runs-reader';
import { tagRunsApiUrl } from '../scalar/api-paths';
import { FIRST_READ_POINTS } from './resolution';

/**
 * Runs grouped by tag, in the order given, and cut into requests of MAX_TAG_RUNS: a chart of fifty
 * runs costs one request (GET /api/scalars/{tag}). The server's page and the browser's loader both
 * group this way, so the reads the page starts early are the very addresses the loader asks for.
 */
export function tagReadChunks<T>(items: readonly T[], tagsOf: (item: T) => readonly string[]): [tag: string, items: T[]][] {
  const byTag = new Map<string, T[]>();
  for (const item of items) {
    for (const tag of tagsOf(item)) {
      let list = byTag.get(tag);
      if (!list) byTag.set(tag, (list = []));
      list.push(item);
    }
  }
  const chunks: [string, T[]][] = [];
  for (const [tag, list] of byTag) for (let i = 0; i < list.length; i += MAX_TAG_RUNS) chunks.push([tag, list.slice(i, i + MAX_TAG_RUNS)]);
  return chunks;
}

/** The first, coarse pass over finished runs whose tags are known: one address per chunk. */
export function firstReadUrls(runs: readonly { id: string; tags: readonly string[] }[]): string[] {
  return tagReadChunks(runs, (run) => run.tags).map(([tag, chunk]) => tagRunsApiUrl(tag, chunk.map((run) => run.id), FIRST_READ_POINTS));
}
