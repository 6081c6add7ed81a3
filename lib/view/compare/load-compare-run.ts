import type { ScalarPoint } from '../../kinds/scalar/points';
import type { ScalarSeriesResponse, WireScalarTagInfo } from '../../kinds/scalar/reader';
import { decodeTagRunColumns, type TagRunColumns } from '../../kinds/scalar/tag-runs-columns';
import { scalarTagsApiUrl, seriesApiUrl, tagRunsApiUrl } from '../scalar/api-paths';
import { fromHttpPoints } from '../scalar/load-series';
import type { SeriesStore } from '../scalar/series-store';
import { fetchBytes, fetchJson } from '../shared/fetch-json';
import { takeEarlyRead } from './early-reads';
import type { RequestQueue } from './request-queue';
import { FIRST_READ_POINTS, SMOOTHING_POINTS } from './resolution';
import { tagReadChunks } from './tag-reads';

/** Queue priorities: a zoom first, then every run's first read, then the reads smoothing works on. */
export const PRIORITY = { zoom: 0, first: 1, smoothing: 2 } as const;

export interface LoadTarget {
  runId: string;
  store: SeriesStore;
  /** Called once a tag holds the series smoothing works on (the whole series, or SMOOTHING_POINTS of it). */
  onSmoothingReady: (tag: string) => void;
}

/** Stores one read of a tag, and says when it is the one smoothing works on. */
function take(target: LoadTarget, tag: string, count: number, points: ScalarPoint[], maxPoints: number): void {
  // Before the store's change event, which redraws the chart that asks.
  if (count <= maxPoints || maxPoints === SMOOTHING_POINTS) target.onSmoothingReady(tag);
  target.store.load(tag, points);
}

/** The run page's store holds points as tuples. */
function columnPoints({ steps, wallTimes, values }: TagRunColumns): ScalarPoint[] {
  const points = new Array<ScalarPoint>(steps.length);
  for (let i = 0; i < steps.length; i++) points[i] = [steps[i], wallTimes[i], values[i]];
  return points;
}

async function settleAll(tasks: Promise<unknown>[], signal: AbortSignal): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((r) => r.status === 'rejected');
  if (failed && !signal.aborted) throw failed.reason;
}

async function readLiveTags(target: LoadTarget, queue: RequestQueue, tags: readonly WireScalarTagInfo[], maxPoints: number, priority: number, signal: AbortSignal): Promise<void> {
  target.store.beginLoad();
  try {
    await settleAll(
      tags.map(({ tag }) =>
        queue.run(priority, async () => {
          if (signal.aborted) return;
          const series = await fetchJson<ScalarSeriesResponse>(seriesApiUrl(target.runId, tag, maxPoints), signal);
          if (!signal.aborted) take(target, tag, series.count, fromHttpPoints(series.points), maxPoints);
        }),
      ),
      signal,
    );
  } finally {
    if (!signal.aborted) target.store.endLoad();
  }
}

/**
 * A run still training: its stored series, fetched once its live subscription is in place (so no
 * point falls between the two), coarse first, then again at the resolution smoothing works on.
 */
export async function loadLiveRun(target: LoadTarget, queue: RequestQueue, signal: AbortSignal): Promise<void> {
  const tags = await queue.run(PRIORITY.first, () => fetchJson<WireScalarTagInfo[]>(scalarTagsApiUrl(target.runId), signal));
  await readLiveTags(target, queue, tags, FIRST_READ_POINTS, PRIORITY.first, signal);
  const thinned = tags.filter((info) => info.count > FIRST_READ_POINTS);
  if (thinned.length > 0 && !signal.aborted) await readLiveTags(target, queue, thinned, SMOOTHING_POINTS, PRIORITY.smoothing, signal);
}

/** One request per chunk and pass; notes each run's tags that were thinned. */
function readChunks(chunks: readonly [string, LoadTarget[]][], queue: RequestQueue, maxPoints: number, priority: number, signal: AbortSignal, thinned: Map<LoadTarget, string[]>): Promise<void>[] {
  return chunks.map(([tag, chunk]) =>
    queue.run(priority, async () => {
      if (signal.aborted) return;
      const url = tagRunsApiUrl(tag, chunk.map((t) => t.runId), maxPoints);
      const bytes = (await takeEarlyRead(url)) ?? (await fetchBytes(url, signal));
      const { runs } = decodeTagRunColumns(bytes);
      if (signal.aborted) return;
      for (const target of chunk) {
        const series = runs.get(target.runId);
        if (!series) continue;
        take(target, tag, series.count, columnPoints(series), maxPoints);
        if (series.count > maxPoints) thinned.set(target, [...(thinned.get(target) ?? []), tag]);
      }
    }),
  );
}

/**
 * Runs that no longer change, read a tag at a time for all of them (tagReadChunks): first coarse,
 * then again at the resolution smoothing works on where the first read was thinned. Tags the
 * server rendered are used as they are; runs without them have their tags fetched first. The
 * server's page may have started the first pass already (early-reads.ts).
 */
export async function loadFinishedRuns(targets: readonly LoadTarget[], knownTags: Readonly<Record<string, readonly string[]>>, queue: RequestQueue, signal: AbortSignal): Promise<void> {
  const tagsOf = new Map<LoadTarget, readonly string[]>();
  await settleAll(
    targets.map(async (target) => {
      tagsOf.set(target, knownTags[target.runId] ?? (await queue.run(PRIORITY.first, () => fetchJson<WireScalarTagInfo[]>(scalarTagsApiUrl(target.runId), signal))).map((t) => t.tag));
    }),
    signal,
  );
  const thinned = new Map<LoadTarget, string[]>();
  await settleAll(readChunks(tagReadChunks(targets, (t) => tagsOf.get(t) ?? []), queue, FIRST_READ_POINTS, PRIORITY.first, signal, thinned), signal);
  const finer = tagReadChunks(targets, (t) => thinned.get(t) ?? []);
  await settleAll(readChunks(finer, queue, SMOOTHING_POINTS, PRIORITY.smoothing, signal, new Map()), signal);
}
