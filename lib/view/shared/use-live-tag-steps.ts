import { useState } from 'react';
import type { LiveEvent } from '../../app-context';
import { fetchJson } from './fetch-json';
import { useRunPushes } from './use-run-pushes';

/** Where one kind's per-tag, per-step items come from, and how they are told apart. */
export interface TagStepsSource<T extends { step: number }> {
  tagsUrl: (runId: string) => string;
  seriesUrl: (runId: string, tag: string) => string;
  /** The items of a series response. */
  fromSeries: (body: never) => T[];
  /** The tagged items of a push of this kind, or null for other pushes. */
  fromPush: (event: LiveEvent) => [tag: string, item: T][] | null;
  /** Items with the same key are the same item: the later copy wins. */
  key: (item: T) => string;
}

/** Keyed merge, kept in step order: a fetch and the pushes racing it may carry the same item. */
function merge<T extends { step: number }>(held: readonly T[] | undefined, incoming: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of held ?? []) byKey.set(key(item), item);
  for (const item of incoming) byKey.set(key(item), item);
  return [...byKey.values()].sort((a, b) => a.step - b.step);
}

export interface LiveTagSteps<T> {
  byTag: Record<string, readonly T[]>;
  loadError: string | null;
}

/** A run's items of one kind by tag: each tag fetched once per connection, then added to by pushes. */
export function useLiveTagSteps<T extends { step: number }>(runId: string, source: TagStepsSource<T>): LiveTagSteps<T> {
  const [byTag, setByTag] = useState<Record<string, readonly T[]>>({});
  const [loadError, setLoadError] = useState<string | null>(null);

  const add = (entries: readonly [string, T][]) =>
    setByTag((prev) => {
      const grouped = new Map<string, T[]>();
      for (const [tag, item] of entries) grouped.set(tag, [...(grouped.get(tag) ?? []), item]);
      const next = { ...prev };
      for (const [tag, items] of grouped) next[tag] = merge(prev[tag], items, source.key);
      return next;
    });

  const load = async (signal: AbortSignal) => {
    const tags = await fetchJson<{ tag: string }[]>(source.tagsUrl(runId), signal);
    await Promise.all(
      tags.map(async ({ tag }) => {
        const items = source.fromSeries((await fetchJson(source.seriesUrl(runId, tag), signal)) as never);
        if (!signal.aborted) add(items.map((item): [string, T] => [tag, item]));
      }),
    );
  };

  // As in useLiveScalars: the first event of a connection means pushes flow, so a fetch now misses nothing.
  useRunPushes(runId, (event, resync) => {
    if (resync) {
      setLoadError(null);
      load(resync).catch((e: Error) => {
        if (!resync.aborted) setLoadError(e.message);
      });
    }
    const pushed = source.fromPush(event);
    if (pushed && pushed.length > 0) add(pushed);
  });

  return { byTag, loadError };
}
