import { useState } from 'react';
import type { LiveEvent } from '../../app-context';
import { fetchJson } from './fetch-json';
import { mergeByStep } from './merge-by-step';
import { useRunPushes } from './use-run-pushes';

/** Where a kind stored per (tag, step) is read from, and how its pushes carry it. */
export interface TaggedStepsSource<T extends { step: number }, Body> {
  /** Lists the run's tags as `[{ tag }]`. */
  tagsUrl: string;
  seriesUrl: (tag: string) => string;
  /** One tag's stored steps from its response. */
  fromSeries: (body: Body) => T[];
  /** The steps an event pushes, each with its tag; none for events of other kinds. */
  fromPush: (event: LiveEvent) => readonly (readonly [tag: string, item: T])[];
  /** What tells two items apart when a step holds several (default: the step). */
  key?: (item: T) => number | string;
}

export interface LiveTaggedSteps<T> {
  /** tag → its steps, in step order, one per step. */
  byTag: Record<string, readonly T[]>;
  /** True until the stored steps have been fetched once. */
  loading: boolean;
  loadError: string | null;
}

/** A run's steps of one kind, tag by tag: each tag fetched once per connection, then appended to by pushes (no polling). */
export function useLiveTaggedSteps<T extends { step: number }, Body>(runId: string, source: TaggedStepsSource<T, Body>): LiveTaggedSteps<T> {
  const [byTag, setByTag] = useState<Record<string, readonly T[]>>({});
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);

  const add = (incoming: readonly (readonly [string, T])[]) => {
    if (incoming.length === 0) return;
    setByTag((prev) => {
      const grouped = new Map<string, T[]>();
      for (const [tag, item] of incoming) grouped.set(tag, [...(grouped.get(tag) ?? []), item]);
      const next = { ...prev };
      for (const [tag, items] of grouped) next[tag] = mergeByStep(prev[tag], items, source.key);
      return next;
    });
  };

  const load = async (signal: AbortSignal) => {
    const tags = await fetchJson<{ tag: string }[]>(source.tagsUrl, signal);
    await Promise.all(
      tags.map(async ({ tag }) => {
        const body = await fetchJson<Body>(source.seriesUrl(tag), signal);
        if (!signal.aborted) add(source.fromSeries(body).map((item) => [tag, item] as const));
      }),
    );
  };

  // The server answers a subscription with the run first, so the first event of a connection
  // means pushes are flowing: a fetch started now misses nothing.
  useRunPushes(runId, (event, resync) => {
    if (resync) {
      setLoadError(null);
      load(resync)
        .catch((e: Error) => {
          if (!resync.aborted) setLoadError(e.message);
        })
        .finally(() => {
          if (!resync.aborted) setLoading(false);
        });
    }
    add(source.fromPush(event));
  });

  return { byTag, loading, loadError };
}
