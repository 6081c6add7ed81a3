import type { ScalarPoint } from '../../kinds/scalar/points';
import type { ScalarSeriesResponse, WireScalarTagInfo } from '../../kinds/scalar/reader';
import { decodeTagRunColumns } from '../../kinds/scalar/tag-runs-columns';
import { scalarTagsApiUrl, seriesApiUrl, tagRunsApiUrl } from '../scalar/api-paths';
import { fromHttpPoints } from '../scalar/load-series';
import type { SeriesColumns, SeriesStore } from '../scalar/series-store';
import { fetchBytes, fetchJson } from '../shared/fetch-json';
import type { RequestQueue } from './request-queue';
import { FIRST_READ_POINTS, SMOOTHING_POINTS } from './resolution';
import { byTag, requestChunks } from './tag-reads';

/** Queue priorities: a zoom first, then every run's first read, then the reads smoothing works on. */
export const PRIORITY = { zoom: 0, first: 1, smoothing: 2 } as const;

export interface LoadTarget {
  runId: string;
  store: SeriesStore;
  /** Called once a tag holds the series smoothing works on (the whole series, or SMOOTHING_POINTS of it). */
  onSmoothingReady: (tag: string) => void;
  /**
   * Set for a run still training: the tags its own reads (after its live subscription) have stored.
   * It joins the first coarse read of all runs, which must then not replace those finer reads.
   */
  liveLoaded?: Set<string>;
  /** Settles once the first coarse read of the runs opened with this one is in. */
  firstRead?: Promise<void>;
}

/** Stores one read of a tag (points, or columns as the tag-runs read gives them), and says when it is the one smoothing works on. */
function take(target: LoadTarget, tag: string, count: number, read: ScalarPoint[] | SeriesColumns, maxPoints: number): void {
  // Before the store's change event, which redraws the chart that asks.
  if (count <= maxPoints || maxPoints === SMOOTHING_POINTS) target.onSmoothingReady(tag);
  if (Array.isArray(read)) target.store.load(tag, read);
  else target.store.loadColumns(tag, read);
}

async function settleAll(tasks: Promise<unknown>[], signal: AbortSignal): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((r) => r.status === 'rejected');
  if (failed && !signal.aborted) throw failed.reason;
}

/**
 * A run still training, once its live subscription is in place (so no point falls between the two):
 * every tag read again at the resolution smoothing works on, pushed points merged into each read.
 * Its first coarse read came with all the other runs' (loadRunsTogether), without waiting for
 * the subscription and behind no finer read.
 */
export async function loadLiveRun(target: LoadTarget, queue: RequestQueue, signal: AbortSignal): Promise<void> {
  target.store.beginLoad();
  try {
    const tags = await queue.run(PRIORITY.first, () => fetchJson<WireScalarTagInfo[]>(scalarTagsApiUrl(target.runId), signal));
    // Behind every run's first coarse read: these finer reads would hold up the first draw at the server.
    await target.firstRead;
    await settleAll(
      tags.map(({ tag }) =>
        queue.run(PRIORITY.smoothing, async () => {
          if (signal.aborted) return;
          const series = await fetchJson<ScalarSeriesResponse>(seriesApiUrl(target.runId, tag, SMOOTHING_POINTS), signal);
          if (signal.aborted) return;
          target.liveLoaded?.add(tag);
          take(target, tag, series.count, fromHttpPoints(series.points), SMOOTHING_POINTS);
        }),
      ),
      signal,
    );
  } finally {
    if (!signal.aborted) target.store.endLoad();
  }
}

/**
 * One request per tag and pass for up to MAX_TAG_RUNS runs. Each read resolves to the function that
 * stores it, so that a pass can store its reads together; storing fills `thinned` with the runs
 * whose tag was thinned and that read it again here (live runs read it again themselves).
 */
function readTag(tag: string, targets: readonly LoadTarget[], queue: RequestQueue, maxPoints: number, priority: number, signal: AbortSignal, thinned: Map<string, LoadTarget[]>): Promise<() => void>[] {
  return requestChunks(targets).map((chunk) =>
    queue.run(priority, async () => {
      if (signal.aborted) return () => undefined;
      const { runs } = decodeTagRunColumns(await fetchBytes(tagRunsApiUrl(tag, chunk.map((t) => t.runId), maxPoints), signal));
      return () => {
        if (signal.aborted) return;
        for (const target of chunk) {
          const series = runs.get(target.runId);
          if (!series || target.liveLoaded?.has(tag)) continue;
          take(target, tag, series.count, series, maxPoints);
          if (series.count > maxPoints && !target.liveLoaded) thinned.set(tag, [...(thinned.get(tag) ?? []), target]);
        }
      };
    }),
  );
}

/**
 * Stores every read that came, in one task, then fails if one did not. Charts draw in the task
 * their points are stored in, and the browser renders after each such task: reads stored as each
 * arrives had four charts wait on three renders between them.
 */
async function storeTogether(reads: Promise<() => void>[], signal: AbortSignal): Promise<void> {
  const results = await Promise.allSettled(reads);
  for (const result of results) if (result.status === 'fulfilled') result.value();
  const failed = results.find((r) => r.status === 'rejected');
  if (failed && !signal.aborted) throw failed.reason;
}

/**
 * The runs opened together, read a tag at a time for all of them (GET /api/scalars/{tag}), so a
 * chart of fifty runs costs one request: first coarse, runs still training included, so that every
 * line draws at once; then again at the resolution smoothing works on where the first read was
 * thinned, for runs that no longer change. Tags the server rendered are used as they are; runs
 * without them have their tags fetched first. The finer reads start once what `onFirstRead`
 * returns has settled.
 */
export async function loadRunsTogether(targets: readonly LoadTarget[], knownTags: Readonly<Record<string, readonly string[]>>, queue: RequestQueue, signal: AbortSignal, onFirstRead: () => void | Promise<void>): Promise<void> {
  const tagsOf = new Map<LoadTarget, readonly string[]>();
  await settleAll(
    targets.map(async (target) => {
      tagsOf.set(target, knownTags[target.runId] ?? (await queue.run(PRIORITY.first, () => fetchJson<WireScalarTagInfo[]>(scalarTagsApiUrl(target.runId), signal))).map((t) => t.tag));
    }),
    signal,
  );
  const thinned = new Map<string, LoadTarget[]>();
  // Tags and runs in the order firstReadUrls gives the server render: the same requests, so the ones it started are used.
  const reads = byTag(targets, (target) => tagsOf.get(target) ?? []);
  await storeTogether([...reads].flatMap(([tag, runs]) => readTag(tag, runs, queue, FIRST_READ_POINTS, PRIORITY.first, signal, thinned)), signal);
  await onFirstRead();
  const ignored = new Map<string, LoadTarget[]>();
  // Each as it comes: these finer reads take the server a while each.
  await settleAll([...thinned].flatMap(([tag, runs]) => readTag(tag, runs, queue, SMOOTHING_POINTS, PRIORITY.smoothing, signal, ignored).map((read) => read.then((store) => store()))), signal);
}
